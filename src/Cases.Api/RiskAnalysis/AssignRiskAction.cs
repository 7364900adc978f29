using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

[Tags(ApiTags.RiskAnalysis)]
public static class AssignRiskActionEndpoint
{
    public static ProblemDetails Validate(AssignRiskAction command, int riskNumber, IEventStream<CorruptionRiskAnalysis> stream, RequestTime time) =>
        RiskAnalysisChecks.AnswerOnRisk(new FieldErrors()
                .Text("executor", command.Executor)
                .NotInFuture("assignedOn", command.AssignedOn, time.Today)
                .WithinTenYears("dueOn", command.DueOn, time.Today),
            command.ExpectedVersion, stream, riskNumber, (state, risk) => AssignRiskActionDecision.Check(command, state, risk, time.Now));

    /// <summary>Makes a risk's recommendation an action: its executor and due date.</summary>
    [WolverinePost("/api/risk-analyses/{analysisId}/risks/{riskNumber}/action", OperationId = "AssignRiskAction")]
    [EndpointSummary("Assign the action on a risk's recommendation")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(AssignRiskAction command, int riskNumber,
        [WriteAggregate("analysisId", MissingMessage = RiskAnalysisChecks.Missing)] IEventStream<CorruptionRiskAnalysis> stream,
        [ReadAggregate("analysisId", Required = false)] RiskAnalysisSummary? summary, RequestTime time) =>
        Written.Append(stream, AssignRiskActionDecision.Decide(command, stream.Aggregate!, stream.Aggregate!.Risk(riskNumber)!, time.Now));
}
