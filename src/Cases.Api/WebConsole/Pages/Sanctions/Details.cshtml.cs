using Cases.Api.Audit;
using Cases.Api.Localization;
using Cases.Projections.Sanctions;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// A sanction with its history (order, announcement, appeals, lifting, end), and HR's actions on it: announce, appeal,
/// decide the appeal, lift, correct the type stored. Each form sends the version the page showed; the API judges it as it judges any client.
/// </summary>
public sealed class SanctionModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Announce = "announce";
    public const string Appeal = "appeal";
    public const string DecideAppeal = "decideAppeal";
    public const string Lift = "lift";
    public const string Correct = "correct";

    [FromRoute] public Guid Id { get; set; }

    public SanctionSummary? Sanction { get; private set; }

    /// <summary>The events of the sanction's stream, for an auditor (the API gives them to auditors only).</summary>
    public IReadOnlyList<RecordedEvent>? Events { get; private set; }

    /// <summary>The sanction's story on its business dates, as the API's record of it has them.</summary>
    public IEnumerable<(DateOnly On, string What)> History()
    {
        if (Sanction is not { } s) yield break;
        yield return (s.OrderDate, T.GetString("SanctionHistory.Ordered", Named(s.Type), s.OrderNumber, s.CaseNumber));
        if (s.AnnouncedOn is { } announced)
        {
            yield return (announced, T[s.ByRegisteredLetter ? "SanctionHistory.AnnouncedByLetter" : s.SignatureRefused ? "SanctionHistory.AnnouncedRefused" : "SanctionHistory.Announced"]);
        }
        foreach (var appeal in s.Appeals)
        {
            yield return (appeal.FiledOn, T.GetString("SanctionHistory.Appealed", appeal.Authority));
            if (appeal.DecidedOn is { } decided) yield return (decided, T.GetString("SanctionHistory.AppealDecided", Named(appeal.State)));
        }
        if (s.Lifting is { } lifting) yield return (lifting.LiftedOn, T.GetString("SanctionHistory.Lifted", lifting.LiftedBy, lifting.Reason));
        if (s is { Status: Domain.Sanctions.SanctionStatus.Expired, EndedOn: { } expired }) yield return (expired, T["SanctionHistory.Expired"]);
    }

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostAnnounceAsync(long expectedVersion, string? announcedOn, bool signatureRefused, bool byRegisteredLetter) =>
        CommandAsync(Announce, "announcement", "announcement-recorded", new { expectedVersion, announcedOn = OrNull(announcedOn), signatureRefused, byRegisteredLetter });

    public Task<IActionResult> OnPostAppealAsync(long expectedVersion, string? authority, string? filedOn) =>
        CommandAsync(Appeal, "appeal", "appeal-recorded", new { expectedVersion, authority, filedOn = OrNull(filedOn) });

    public Task<IActionResult> OnPostDecideAppealAsync(long expectedVersion, string? outcome, string? decidedOn) =>
        CommandAsync(DecideAppeal, "appeal-decision", "appeal-decided", new { expectedVersion, outcome = OrNull(outcome), decidedOn = OrNull(decidedOn) });

    public Task<IActionResult> OnPostLiftAsync(long expectedVersion, string? liftedBy, string? reason, string? liftedOn) =>
        CommandAsync(Lift, "lifting", "sanction-lifted", new { expectedVersion, liftedBy, reason, liftedOn = OrNull(liftedOn) });

    public async Task<IActionResult> OnPostCorrectAsync(long expectedVersion, string? type, string? reason)
    {
        await LoadAsync();
        if (Sanction is null) return Page();
        if (await PostAsync(Correct, $"/api/sanctions/{Id}/corrections", new { expectedVersion, type = OrNull(type), reason }) is null) return Page();
        return DoneWith($"{ConsoleSetup.Path}/sanctions/{Id}", "sanction-corrected");
    }

    /// <summary>
    /// Reads the sanction, then sends the command: refused, the page shows the sanction as read with the refusal by the
    /// form; done, it redirects to itself with a notice.
    /// </summary>
    private async Task<IActionResult> CommandAsync(string action, string path, string notice, object body)
    {
        await LoadAsync();
        if (Sanction is null) return Page();
        if (await PostAsync(action, $"/api/sanctions/{Id}/{path}", body) is null) return Page();
        return DoneWith($"{ConsoleSetup.Path}/sanctions/{Id}", notice);
    }

    private async Task LoadAsync()
    {
        Sanction = await ReadAsync<SanctionSummary>($"/api/sanctions/{Id}");
        if (Sanction is not null && HasAny(Roles.Auditor)) Events = await ReadAsync<RecordedEvent[]>($"/api/sanctions/{Id}/history");
    }
}
