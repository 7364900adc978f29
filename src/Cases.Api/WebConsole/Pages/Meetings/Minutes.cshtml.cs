using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The minutes of a meeting as a printable page: who sat and who was present, each item with its hearings, recusals,
/// votes and the decision adopted, and the session told as the API's report, in the reader's language. The secretary
/// signs the minutes here, and corrects them once signed.
/// </summary>
public sealed class MinutesModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Sign = "sign";
    public const string Correct = "correct";

    /// <summary>The reading of the session report, whose refusal is shown where the report would be.</summary>
    public const string SessionReport = "session-report";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }
    [BindProperty] public string? Correction { get; set; }
    [BindProperty] public int? ItemNumber { get; set; }
    [BindProperty] public DateOnly? CorrectedOn { get; set; }

    public MeetingDetails? Meeting { get; private set; }
    public Commission? Commission { get; private set; }

    /// <summary>The session report, a line each (its title first), when the API tells it to this reader.</summary>
    public IReadOnlyList<string> Report { get; private set; } = [];

    public bool IsSecretary => HasAny(Roles.Secretary);
    public string Path => $"{MeetingsModel.Path}/{Id}/minutes";

    public string NameOf(string personnelNumber) => Meeting?.InOffice.FirstOrDefault(m => m.PersonnelNumber == personnelNumber)?.FullName ?? personnelNumber;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSignAsync() => CommandAsync(Sign, "signature", new SignMinutes(ExpectedVersion, SignedOn), "minutes-signed");

    public Task<IActionResult> OnPostCorrectAsync() =>
        CommandAsync(Correct, "corrections", new CorrectMinutes(ExpectedVersion, Correction ?? "", ItemNumber, CorrectedOn), "minutes-corrected");

    private async Task<IActionResult> CommandAsync(string action, string path, object command, string notice)
    {
        if (await PostAsync(action, $"/api/meetings/{Id}/{path}", command) is not null) return DoneWith(Path, notice);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Meeting = await ReadAsync<MeetingDetails>($"/api/meetings/{Id}");
        if (Meeting is null) return;
        Commission = await ReadAsync<Commission>($"/api/commissions/{Meeting.CommissionId}");
        // The report is told once the meeting was held, to the roles that read execution; the minutes stand without it.
        if (Meeting.HeldOn is not null && HasAny(Roles.ExecutionReaders))
        {
            Report = TextLines(await ReadTextAsync($"/api/meetings/{Id}/report", SessionReport));
        }
    }
}
