using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

[Tags(ApiTags.RiskAnalysis)]
public static class ReportRiskActionEndpoint
{
    public static ProblemDetails Validate(ReportRiskAction command, int riskNumber, IEventStream<CorruptionRiskAnalysis> stream, RequestTime time) =>
        RiskAnalysisChecks.AnswerOnRisk(new FieldErrors()
                .NotInFuture("reportedOn", command.ReportedOn, time.Today)
                .Text("note", command.Note, FieldErrors.LongText, required: false),
            command.ExpectedVersion, stream, riskNumber, (_, risk) => ReportRiskActionDecision.Check(command, risk));

    /// <summary>Reports an action executed, or in progress, as of a date.</summary>
    [WolverinePost("/api/risk-analyses/{analysisId}/risks/{riskNumber}/action/report", OperationId = "ReportRiskAction")]
    [EndpointSummary("Report on the action on a risk")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ReportRiskAction command, int riskNumber,
        [WriteAggregate("analysisId", MissingMessage = RiskAnalysisChecks.Missing)] IEventStream<CorruptionRiskAnalysis> stream,
        [ReadAggregate("analysisId", Required = false)] RiskAnalysisSummary? summary) =>
        Written.Append(stream, ReportRiskActionDecision.Decide(command, stream.Id, stream.Aggregate!.Risk(riskNumber)!));
}
