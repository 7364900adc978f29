using Cases.Domain.Public;
using Cases.Projections.Cases;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

/// <summary>
/// All a reporter sees of their case: where it stands, when its receipt was acknowledged, by when they hear back
/// (Directive (EU) 2019/1937 art. 9(1)(f)), the messages exchanged with the investigator, and whether notices of new
/// messages go to an address they gave (never the address itself).
/// </summary>
public sealed record PublicCaseView(PublicStatus Status, Category Category, DateOnly ReceivedOn, DateOnly? ClosedOn,
    IReadOnlyList<ThreadMessage> Messages, DateOnly? AcknowledgedOn = null, DateOnly? FeedbackDueOn = null, bool NoticesByMail = false);

[Tags(ApiTags.Public)]
public static class FollowPublicReportEndpoint
{
    /// <summary>The case of the receipt code sent in the <c>X-Receipt-Code</c> header (never in the URL, which gets logged).</summary>
    [WolverineGet("/api/public/{organisation}/report", OperationId = "FollowPublicReport")]
    [EndpointSummary("Follow a report with its receipt code")]
    [ProducesResponseType<PublicCaseView>(StatusCodes.Status200OK, "application/json")]
    [RequestHeader(PublicChannel.ReceiptHeader, ReceiptCodes.HeaderDescription, Required = true)]
    [PublicEndpoint]
    public static async Task<IResult> Get(HttpRequest request, IQuerySession session, IOptions<PublicReportingSettings> settings,
        CancellationToken ct)
    {
        var (report, refusal) = await ReceiptCodes.OpenAsync(request, session, settings.Value.ReceiptHashIterations, ct);
        if (report is null) return refusal!;
        return Results.Ok(await ViewAsync(report, session, ct));
    }

    /// <summary>What the reporter of an opened report sees; the reporting page shows the same.</summary>
    public static async Task<PublicCaseView> ViewAsync(PublicReport report, IQuerySession session, CancellationToken ct)
    {
        var summary = await session.LoadAsync<CaseSummary>(report.Id, ct)
            ?? throw new InvalidOperationException($"Public report {report.Id} has no case.");
        return new PublicCaseView(PublicStatuses.Of(summary.Status), summary.Category, summary.ReceivedOn, summary.ClosedOn,
            report.Messages, summary.AcknowledgedOn, summary.FeedbackDueOn, report.NoticeAddress is not null && !summary.ComplainantErased);
    }
}
