using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;

namespace Cases.Api.Monitoring;

[Tags(ApiTags.Monitoring)]
public static class WithdrawMonitoringRoundEndpoint
{
    public static ProblemDetails Validate(WithdrawMonitoringRound command, IEventStream<MonitoringRecord> stream) =>
        MonitoringChecks.Answer(new FieldErrors().Text("reason", command.Reason, FieldErrors.LongText),
            command.ExpectedVersion, stream, WithdrawMonitoringRoundDecision.Check);

    /// <summary>
    /// Withdraws a round recorded in error: it leaves the list (unless withdrawn rounds are asked for), the summary and
    /// the narrative, and stays readable, with its status and the reason, for auditors.
    /// </summary>
    [WolverinePost("/api/monitoring/rounds/{roundId}/withdrawal", OperationId = "WithdrawMonitoringRound")]
    [EndpointSummary("Withdraw a monitoring round")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(WithdrawMonitoringRound command,
        [WriteAggregate("roundId", MissingMessage = MonitoringReaders.Missing)] IEventStream<MonitoringRecord> stream,
        [ReadAggregate("roundId", Required = false)] MonitoringRound? round) =>
        Written.Append(stream, WithdrawMonitoringRoundDecision.Decide(command, stream.Aggregate!));
}
