using Cases.Api.Privacy;
using Cases.Domain.Public;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

/// <summary>Whether notices of new messages go to an address the reporter gave; the address itself is never shown.</summary>
public sealed record NoticeAddressKept(bool NoticesByMail);

[Tags(ApiTags.Public)]
public static class GiveNoticeAddressEndpoint
{
    public static ProblemDetails Validate(GiveNoticeAddress command) => new FieldErrors().Email("address", command.Address).ToProblem();

    /// <summary>
    /// The reporter leaves (or replaces) an address for notices of new messages, with the receipt code in the
    /// <c>X-Receipt-Code</c> header. It is sealed under a key of its own, destroyed when the address is removed or
    /// replaced and when the reporter is erased.
    /// </summary>
    [WolverinePost("/api/public/{organisation}/report/notice-address", OperationId = "GiveNoticeAddress")]
    [EndpointSummary("Leave an address for notices of new messages")]
    [ProducesResponseType<NoticeAddressKept>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [RequestHeader(PublicChannel.ReceiptHeader, ReceiptCodes.HeaderDescription, Required = true)]
    [PublicEndpoint]
    public static async Task<IResult> Post(GiveNoticeAddress command, HttpRequest request, IDocumentSession session,
        IOptions<PublicReportingSettings> settings, RequestTime time, CancellationToken ct)
    {
        var (report, refusal) = await ReceiptCodes.OpenAsync(request, session, settings.Value.ReceiptHashIterations, ct);
        if (report is null) return refusal!;
        var violation = await GiveAsync(command, report, session, time.Now, ct);
        return violation is not null ? Results.Problem(Problems.Rule(violation)) : Results.Ok(new NoticeAddressKept(true));
    }

    /// <summary>Seals and records the address of an opened report, or says which rule refuses it; the follow-up page gives it the same way.</summary>
    public static async Task<RuleViolation?> GiveAsync(GiveNoticeAddress command, PublicReport report, IDocumentSession session,
        DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Case>(report.Id, ct);
        var state = stream.Aggregate!;
        if (ReporterNoticeDecisions.CheckGive(state) is { } violation) return violation;
        // A key of the address's own: the one it replaces is shredded with its key, in the same transaction.
        if (ReporterNoticeDecisions.KeyToShred(state) is { } replaced) PersonalKeys.Destroy(session, replaced, now);
        var key = PersonalKeys.Create(session);
        stream.AppendOne(ReporterNoticeDecisions.Decide(state, PersonalKeys.Seal(session.TenantId, key, command.Address.Trim()),
            ReporterNotices.Language(), now));
        return null;
    }
}
