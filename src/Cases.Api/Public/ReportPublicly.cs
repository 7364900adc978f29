using Cases.Api.Privacy;
using Cases.Domain.Public;
using Cases.Projections.Cases;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

/// <summary>201: the receipt code, shown this once; the reporter follows the case and writes with it.</summary>
public sealed record PublicReportReceived(string ReceiptCode, DateOnly ReceivedOn, PublicStatus Status, string Organisation)
    : CreationResponse($"/api/public/{Organisation}/report");

[Tags(ApiTags.Public)]
public static class ReportPubliclyEndpoint
{
    public const string CapRule = "anonymous-reports-per-hour";

    public static async Task<ProblemDetails> Validate(ReportPublicly command, IDocumentSession session, IOptions<PublicReportingSettings> settings,
        RequestTime time, HttpResponse response, CancellationToken ct)
    {
        var page = settings.Value.PageOf(session.TenantId);
        var fields = new FieldErrors()
            .When(!page.Offers(command.Category), "category",
                $"This organisation takes public reports of these categories only: {string.Join(", ", page.OfferedCategories)}.")
            .Text("text", command.Text, FieldErrors.LongText)
            .When(command.Anonymous && command.Contact is not null, "contact", "An anonymous reporter gives no contact.")
            .When(!command.Anonymous && command.Contact is null, "contact", "Give contact details, or report anonymously.")
            .Email("noticeAddress", command.NoticeAddress, required: false);
        if (command.Contact is { } contact)
        {
            fields.Text("contact.name", contact.Name)
                .Text("contact.phone", contact.Phone, 40, required: false)
                .Text("contact.email", contact.Email, required: false);
        }
        if (fields.Any || !command.Anonymous) return fields.ToProblem();
        return await AnonymousCapAsync(session, settings.Value.AnonymousReportsPerHour, time.Now, response, ct);
    }

    /// <summary>
    /// 429 once the organisation holds its hourly number of open anonymous reports. The count runs under a lock per
    /// organisation, held to the end of the writing transaction, so that racing reports cannot all slip under the cap.
    /// </summary>
    private static async Task<ProblemDetails> AnonymousCapAsync(IDocumentSession session, int cap, DateTimeOffset now, HttpResponse response,
        CancellationToken ct)
    {
        await TransactionLocks.HoldAsync(session, $"public-intake:{session.TenantId}", ct);
        var since = now.AddHours(-1);
        var recent = await session.Query<PublicReport>().Where(r => r.Anonymous && r.ReportedAt > since)
            .Select(r => new { r.Id, r.ReportedAt }).ToListAsync(ct);
        var ids = recent.Select(r => r.Id).ToArray();
        var open = (await session.Query<CaseSummary>().Where(c => c.Id.IsOneOf(ids) && c.Status != CaseStatus.Closed)
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        if (open.Count < cap) return WolverineContinue.NoProblems;

        var oldest = recent.Where(r => open.Contains(r.Id)).Min(r => r.ReportedAt);
        response.Headers.RetryAfter = ((int)Math.Ceiling((oldest.AddHours(1) - now).TotalSeconds)).ToString();
        return new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = $"urn:cases:rule:{CapRule}",
            Title = "Business rule violated: " + CapRule,
            Detail = $"This organisation takes at most {cap} open anonymous reports an hour. Try again later, or give contact details.",
            Extensions = { [Problems.RuleExtension] = CapRule }
        };
    }

    /// <summary>
    /// A report without an account becomes a case on the public channel; only a hash of its receipt code is kept. An
    /// address for notices of new messages, if given, is sealed under a key of its own, and the notices are written in
    /// the language of the request (<c>?lang=</c>, else Accept-Language).
    /// </summary>
    [WolverinePost("/api/public/{organisation}/reports", OperationId = "ReportPublicly")]
    [EndpointSummary("Report without an account")]
    [PublicEndpoint]
    public static async Task<(PublicReportReceived, IStartStream)> Post(ReportPublicly command, IDocumentSession session,
        IOptions<PublicReportingSettings> settings, RequestTime time, CancellationToken ct)
    {
        var caseId = Guid.CreateVersion7();
        var number = CaseNumber.Format(time.Today.Year, await Numbering.NextAsync(session, Numbering.CaseSeries, time.Today.Year, ct));
        var receipt = ReceiptCodes.Issue(settings.Value.ReceiptHashIterations);
        var identity = ReportPubliclyDecision.IdentityToSeal(command);
        var noticeAddress = string.IsNullOrWhiteSpace(command.NoticeAddress) ? null : command.NoticeAddress.Trim();
        // The notice address has a key of its own, so that its removal shreds it and leaves the contact.
        var contact = identity is null ? null : PersonalKeys.Seal(session, identity);
        var notice = noticeAddress is null ? null : PersonalKeys.Seal(session, noticeAddress);
        var events = ReportPubliclyDecision.Decide(command, caseId, number, time.Now, contact, receipt.Stored, notice, ReporterNotices.Language());
        return (new PublicReportReceived(receipt.Code, time.Today, PublicStatus.Received, session.TenantId),
            MartenOps.StartStream<Case>(caseId, events));
    }
}
