using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Decisions)]
public static class ReportExecutionEndpoint
{
    public static ProblemDetails Validate(ReportExecution command, IEventStream<ProtocolDecision> stream, RequestTime time) =>
        DecisionChecks.Answer(new FieldErrors()
                .Text("report", command.Report, FieldErrors.LongText)
                .Texts("evidence", command.Evidence, maxCount: 50)
                .NotInFuture("reportedOn", command.ReportedOn, time.Today)
                .Text("by.name", command.By?.Name, required: command.By is not null)
                .Text("by.organisation", command.By?.Organisation, required: false),
            command.ExpectedVersion, stream, state => ReportExecutionDecision.Check(command, state, time.Now));

    /// <summary>
    /// On a decision with addressees, <c>by</c> names the one reporting: the decision is executed once every addressee
    /// reported it executed. A report that the decision was executed by its due date also retracts an overdue mark the service recorded
    /// before the report was entered (<c>DecisionOverdueRetracted</c>).
    /// </summary>
    [WolverinePost("/api/decisions/{decisionId}/execution-reports", OperationId = "ReportExecution")]
    [EndpointSummary("Report a decision's execution")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(ReportExecution command,
        [WriteAggregate("decisionId", MissingMessage = DecisionChecks.Missing)] IEventStream<ProtocolDecision> stream, [ReadAggregate("decisionId", Required = false)] DecisionSummary? summary, RequestTime time) =>
        Written.Append(stream, ReportExecutionDecision.Decide(command, stream.Aggregate!, time.Now));
}
