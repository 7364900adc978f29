using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Marten;

namespace Cases.Api.Audit;

[Tags(ApiTags.Audit)]
public static class DecisionHistoryEndpoint
{
    [WolverineGet("/api/decisions/{decisionId}/history", OperationId = "DecisionHistory")]
    [EndpointSummary("A protocol decision's events")]
    [ProducesResponseType<RecordedEvent[]>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid decisionId, IQuerySession session, CancellationToken ct) =>
        Replay.HistoryAsync<ProtocolDecision>(session, decisionId, $"Decision {decisionId} was not found.", ct);
}

[Tags(ApiTags.Audit)]
public static class DecisionAsOfEndpoint
{
    public static ProblemDetails Validate(ReplayPoint asOf) => asOf.Check();

    /// <summary>The decision's execution as recorded by a moment, as in effect on a day, or both: overdue on that day if unexecuted past its due date.</summary>
    [WolverineGet("/api/decisions/{decisionId}/as-of", OperationId = "DecisionAsOf")]
    [EndpointSummary("A protocol decision as it stood at a version, moment or business date")]
    [ProducesResponseType<DecisionSummary>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid decisionId, [FromQuery] ReplayPoint asOf, IQuerySession session, RequestTime time, CancellationToken ct) =>
        Replay.StateAsync<ProtocolDecision, DecisionSummary>(session, decisionId, asOf, time, $"Decision {decisionId} did not exist then.", ct);
}
