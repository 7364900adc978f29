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
    protected override IReadOnlyList<string> FieldOrder => ["code", "message"];

    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "message")] public string? Message { get; set; }

    /// <summary>The report the code opened; null while the code is asked for.</summary>
    public PublicCaseView? Case { get; private set; }

    public DateOnly? AcknowledgementDueOn => Case is { } view ? deadlines.Value.AcknowledgementDueOn(view.ReceivedOn) : null;

    public bool MessageSent { get; private set; }

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
        await using var reading = store.QuerySession(Organisation);
        Case = await FollowPublicReportEndpoint.ViewAsync((await reading.LoadAsync<PublicReport>(report.Id, ct))!, reading, ct);
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
