using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;
using Marten;

namespace Cases.Api.Monitoring;

[Tags(ApiTags.Monitoring)]
public static class CorrectMonitoringRoundEndpoint
{
    public static Task<IReadOnlyDictionary<Guid, FindingCase>> LoadAsync(CorrectMonitoringRound command, IQuerySession session, CancellationToken ct) =>
        RecordMonitoringRoundEndpoint.CasesAsync(command.AsRecording(), session, ct);

    public static ProblemDetails Validate(CorrectMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases,
        IEventStream<MonitoringRecord> stream, RequestTime time)
    {
        var round = command.AsRecording();
        var fields = RecordMonitoringRoundEndpoint.Fields(round, time).Text("reason", command.Reason, FieldErrors.LongText);
        if (fields.Any) return fields.ToProblem();
        return RecordMonitoringRoundEndpoint.UnknownCase(round, cases)
            ?? MonitoringChecks.Answer(fields, command.ExpectedVersion, stream, state => CorrectMonitoringRoundDecision.Check(command, state, cases));
    }

    /// <summary>
    /// Records the round's fields as they should be, all of them, held to the rules of a recording; the list, the summary
    /// and the narrative count the round as corrected. The fields recorded before stay in the round's stream.
    /// </summary>
    [WolverinePost("/api/monitoring/rounds/{roundId}/corrections", OperationId = "CorrectMonitoringRound")]
    [EndpointSummary("Correct a monitoring round")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(CorrectMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases,
        [WriteAggregate("roundId", MissingMessage = MonitoringReaders.Missing)] IEventStream<MonitoringRecord> stream,
        [ReadAggregate("roundId", Required = false)] MonitoringRound? round) =>
        Written.Append(stream, CorrectMonitoringRoundDecision.Decide(command, stream.Aggregate!, cases));
}
