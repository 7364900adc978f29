using Cases.Api.Privacy;
using Cases.Domain.Public;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

[Tags(ApiTags.Public)]
public static class RemoveNoticeAddressEndpoint
{
    /// <summary>
    /// The reporter removes their notice address, with the receipt code in the <c>X-Receipt-Code</c> header: its key is
    /// destroyed, so it reads no more, and no notice is mailed from now on, not even one of a reply already written.
    /// </summary>
    [WolverinePost("/api/public/{organisation}/report/notice-address/removal", OperationId = "RemoveNoticeAddress")]
    [EndpointSummary("Remove the address for notices")]
    [ProducesResponseType<NoticeAddressKept>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [RequestHeader(PublicChannel.ReceiptHeader, ReceiptCodes.HeaderDescription, Required = true)]
    [PublicEndpoint]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, IOptions<PublicReportingSettings> settings,
        [NotBody] RequestTime time, CancellationToken ct)
    {
        var (report, refusal) = await ReceiptCodes.OpenAsync(request, session, settings.Value.ReceiptHashIterations, ct);
        if (report is null) return refusal!;
        var violation = await RemoveAsync(report, session, time.Now, ct);
        return violation is not null ? Results.Problem(Problems.Rule(violation)) : Results.Ok(new NoticeAddressKept(false));
    }

    /// <summary>Records the removal on an opened report, or says which rule refuses it; the follow-up page removes it the same way.</summary>
    public static async Task<RuleViolation?> RemoveAsync(PublicReport report, IDocumentSession session, DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Case>(report.Id, ct);
        if (ReporterNoticeDecisions.CheckRemove(stream.Aggregate!) is { } violation) return violation;
        // Shredded, not just taken back: the sealed address stays in the event, and its key goes in the same transaction.
        if (ReporterNoticeDecisions.KeyToShred(stream.Aggregate!) is { } key) PersonalKeys.Destroy(session, key, now);
        stream.AppendOne(ReporterNoticeDecisions.DecideRemoval(stream.Aggregate!, now));
        return null;
    }
}
