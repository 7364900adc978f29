using Cases.Projections.Cases;
using Cases.Projections.Sanctions;
using Marten;

namespace Cases.Api.Audit;

/// <summary>
/// An event as the store keeps it, with who recorded it, as what, when and why; for what the service recorded by
/// itself (user <c>service</c>), the causation id names the scheduled message or run that caused it.
/// </summary>
public sealed record RecordedEvent(long Sequence, long Version, string Type, DateTimeOffset Time, string? User, string? Roles, string? Reason,
    string? CorrelationId, string? CausationId, object Data);

/// <summary>Replays a stream for auditors: its full history, or the state it had at a version or a moment.</summary>
public static class Replay
{
    /// <summary>The stream is the organisation's and of the kind asked for: a meeting's id is no case.</summary>
    private static async Task<bool> IsAsync<TAggregate>(IQuerySession session, Guid streamId, CancellationToken ct) =>
        await session.Events.FetchStreamStateAsync(streamId, ct) is { } state && state.AggregateType == typeof(TAggregate);

    public static async Task<IResult> HistoryAsync<TAggregate>(IQuerySession session, Guid streamId, string missing, CancellationToken ct)
    {
        var events = await IsAsync<TAggregate>(session, streamId, ct) ? await session.Events.FetchStreamAsync(streamId, token: ct) : [];
        return events.Count == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: missing)
            : Results.Ok(events.Select(e => new RecordedEvent(e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName,
                e.GetHeader("roles")?.ToString(), e.GetHeader("reason")?.ToString(), e.CorrelationId, e.CausationId, e.Data)).ToArray());
    }

    /// <summary>The read model rebuilt from the stream's events as <see cref="ReplayPoint"/> selects them; 404 before the stream began.</summary>
    public static async Task<IResult> StateAsync<TAggregate, T>(IQuerySession session, Guid streamId, ReplayPoint asOf, RequestTime time, string missing,
        CancellationToken ct) where T : class =>
        await IsAsync<TAggregate>(session, streamId, ct)
        && await Bitemporal.StateAsync<T>(session, streamId, asOf, time.Zone, ct) is { } state
            ? Results.Ok(state)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: missing);
}

[Tags(ApiTags.Audit)]
public static class CaseHistoryEndpoint
{
    [WolverineGet("/api/cases/{caseId}/history", OperationId = "CaseHistory")]
    [EndpointSummary("A case's events")]
    [ProducesResponseType<RecordedEvent[]>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid caseId, IQuerySession session, CancellationToken ct) =>
        Replay.HistoryAsync<Case>(session, caseId, $"Case {caseId} was not found.", ct);
}

[Tags(ApiTags.Audit)]
public static class CaseAsOfEndpoint
{
    public static ProblemDetails Validate(ReplayPoint asOf) => asOf.Check();

    /// <summary>The case as it stood at a version or a moment: what anyone could know of it then.</summary>
    [WolverineGet("/api/cases/{caseId}/as-of", OperationId = "CaseAsOf")]
    [EndpointSummary("A case as it stood at a version or moment")]
    [ProducesResponseType<CaseSummary>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid caseId, [FromQuery] ReplayPoint asOf, IQuerySession session, RequestTime time, CancellationToken ct) =>
        Replay.StateAsync<Case, CaseSummary>(session, caseId, asOf, time, $"Case {caseId} did not exist then.", ct);
}

[Tags(ApiTags.Audit)]
public static class MeetingHistoryEndpoint
{
    [WolverineGet("/api/meetings/{meetingId}/history", OperationId = "MeetingHistory")]
    [EndpointSummary("A meeting's events")]
    [ProducesResponseType<RecordedEvent[]>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken ct) =>
        Replay.HistoryAsync<Domain.Meetings.Meeting>(session, meetingId, $"Meeting {meetingId} was not found.", ct);
}

[Tags(ApiTags.Audit)]
public static class MeetingAsOfEndpoint
{
    public static ProblemDetails Validate(ReplayPoint asOf) => asOf.Check();

    /// <summary>The meeting's own record as it stood then: agenda, attendance, recusals, votes and outcomes.</summary>
    [WolverineGet("/api/meetings/{meetingId}/as-of", OperationId = "MeetingAsOf")]
    [EndpointSummary("A meeting as it stood at a version or moment")]
    [ProducesResponseType<Domain.Meetings.Meeting>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid meetingId, [FromQuery] ReplayPoint asOf, IQuerySession session, RequestTime time, CancellationToken ct) =>
        Replay.StateAsync<Domain.Meetings.Meeting, Domain.Meetings.Meeting>(session, meetingId, asOf, time, $"Meeting {meetingId} did not exist then.", ct);
}

[Tags(ApiTags.Audit)]
public static class SanctionHistoryEndpoint
{
    [WolverineGet("/api/sanctions/{sanctionId}/history", OperationId = "SanctionHistory")]
    [EndpointSummary("A sanction's events")]
    [ProducesResponseType<RecordedEvent[]>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid sanctionId, IQuerySession session, CancellationToken ct) =>
        Replay.HistoryAsync<Domain.Sanctions.Sanction>(session, sanctionId, $"Sanction {sanctionId} was not found.", ct);
}

[Tags(ApiTags.Audit)]
public static class SanctionAsOfEndpoint
{
    public static ProblemDetails Validate(ReplayPoint asOf) => asOf.Check();

    [WolverineGet("/api/sanctions/{sanctionId}/as-of", OperationId = "SanctionAsOf")]
    [EndpointSummary("A sanction as it stood at a version or moment")]
    [ProducesResponseType<SanctionSummary>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<IResult> Get(Guid sanctionId, [FromQuery] ReplayPoint asOf, IQuerySession session, RequestTime time, CancellationToken ct) =>
        Replay.StateAsync<Domain.Sanctions.Sanction, SanctionSummary>(session, sanctionId, asOf, time, $"Sanction {sanctionId} did not exist then.", ct);
}
