using Cases.Api.Localization;
using Cases.Domain.Public;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public.Pages;

/// <summary>
/// The follow-up: the receipt code, typed in a form field and carried in a hidden one (never in the URL), opens the
/// report through the API's own code (<see cref="ReceiptCodes"/>, <see cref="FollowPublicReportEndpoint"/>,
/// <see cref="PostReporterMessageEndpoint"/>), so a wrong code and an unknown one give the same page.
/// </summary>
public sealed class FollowUpModel(IOptions<OrganisationSettings> organisations, PublicForms forms, IStringLocalizer<PublicPages> texts,
    IDocumentStore store, IOptions<PublicReportingSettings> settings, IOptions<ReporterDeadlines> deadlines, OrganisationClock clock)
    : PublicPageModel(organisations, forms, texts, settings)
{
    protected override IReadOnlyList<string> FieldOrder => ["code", "message", "notice-address"];

    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "message")] public string? Message { get; set; }
    [BindProperty(Name = "notice-address")] public string? NoticeAddress { get; set; }

    /// <summary>The report the code opened; null while the code is asked for.</summary>
    public PublicCaseView? Case { get; private set; }

    public DateOnly? AcknowledgementDueOn => Case is { } view ? deadlines.Value.AcknowledgementDueOn(view.ReceivedOn) : null;

    public bool MessageSent { get; private set; }

    /// <summary>The text saying what was done with the notice address, once done.</summary>
    public string? NoticeDone { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession(Organisation);
        if (await OpenAsync(session, ct) is not { } report) return Unopened();
        Case = await FollowPublicReportEndpoint.ViewAsync(report, session, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMessageAsync(CancellationToken ct)
    {
        await using var session = WritingSession(store, Organisation);
        if (await OpenAsync(session, ct) is not { } report) return Unopened();
        var command = new PostReporterMessage(Message ?? "");
        AddErrors(PostReporterMessageEndpoint.Validate(command), new Dictionary<string, string> { ["text"] = "message" });
        if (Errors.Count > 0)
        {
            Case = await FollowPublicReportEndpoint.ViewAsync(report, session, ct);
            return Invalid();
        }
        var (_, violation) = await PostReporterMessageEndpoint.WriteAsync(command, report, session, ct);
        if (violation is not null) return new RefusalResult(StatusCodes.Status409Conflict, violation.Rule);
        await session.SaveChangesAsync(ct);
        Message = null;
        MessageSent = true;
        return await ShowAsync(report.Id, ct);
    }

    /// <summary>The reporter leaves an address for notices, checked and sealed by the API's own code.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        await using var session = WritingSession(store, Organisation);
        if (await OpenAsync(session, ct) is not { } report) return Unopened();
        var command = new GiveNoticeAddress(NoticeAddress ?? "");
        AddErrors(GiveNoticeAddressEndpoint.Validate(command), new Dictionary<string, string> { ["address"] = "notice-address" });
        if (Errors.Count > 0)
        {
            Case = await FollowPublicReportEndpoint.ViewAsync(report, session, ct);
            return Invalid();
        }
        var violation = await GiveNoticeAddressEndpoint.GiveAsync(command, report, session, clock.For(Organisation).Now, ct);
        if (violation is not null) return new RefusalResult(StatusCodes.Status409Conflict, violation.Rule);
        await session.SaveChangesAsync(ct);
        NoticeAddress = null;
        NoticeDone = Texts["Notices.Given"];
        return await ShowAsync(report.Id, ct);
    }

    public async Task<IActionResult> OnPostRemovalAsync(CancellationToken ct)
    {
        await using var session = WritingSession(store, Organisation);
        if (await OpenAsync(session, ct) is not { } report) return Unopened();
        var violation = await RemoveNoticeAddressEndpoint.RemoveAsync(report, session, clock.For(Organisation).Now, ct);
        if (violation is not null) return new RefusalResult(StatusCodes.Status409Conflict, violation.Rule);
        await session.SaveChangesAsync(ct);
        NoticeDone = Texts["Notices.Removed"];
        return await ShowAsync(report.Id, ct);
    }

    /// <summary>The report as written now, read afresh.</summary>
    private async Task<IActionResult> ShowAsync(Guid reportId, CancellationToken ct)
    {
        await using var reading = store.QuerySession(Organisation);
        Case = await FollowPublicReportEndpoint.ViewAsync((await reading.LoadAsync<PublicReport>(reportId, ct))!, reading, ct);
        return Page();
    }

    /// <summary>When a message of the thread was written, on the organisation's clock.</summary>
    public string When(DateTimeOffset at) =>
        clock.For(Organisation).InZone(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<PublicReport?> OpenAsync(IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return null;
        return await ReceiptCodes.FindAsync(session, Code, Settings.Value.ReceiptHashIterations, ct);
    }

    /// <summary>No code is 400; a wrong, unknown or malformed one the same 404 page, as the API answers.</summary>
    private IActionResult Unopened()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            AddError("code", Texts["Error.Required.code"]);
            return Invalid();
        }
        AddError("code", Texts["FollowUp.NotFound"]);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
