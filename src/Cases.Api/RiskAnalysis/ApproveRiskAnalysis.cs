using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

[Tags(ApiTags.RiskAnalysis)]
public static class ApproveRiskAnalysisEndpoint
{
    public static ProblemDetails Validate(ApproveRiskAnalysis command, IEventStream<CorruptionRiskAnalysis> stream, RequestTime time) =>
        RiskAnalysisChecks.Answer(new FieldErrors()
                .Text("approvedBy", command.ApprovedBy)
                .NotInFuture("approvedOn", command.ApprovedOn, time.Today),
            command.ExpectedVersion, stream, state => ApproveRiskAnalysisDecision.Check(command, state));

    /// <summary>Approves the analysis with the risks recorded, or as finding none; nothing is added to it afterwards.</summary>
    [WolverinePost("/api/risk-analyses/{analysisId}/approval", OperationId = "ApproveRiskAnalysis")]
    [EndpointSummary("Approve a corruption-risk analysis")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ApproveRiskAnalysis command,
        [WriteAggregate("analysisId", MissingMessage = RiskAnalysisChecks.Missing)] IEventStream<CorruptionRiskAnalysis> stream,
        [ReadAggregate("analysisId", Required = false)] RiskAnalysisSummary? summary) =>
        Written.Append(stream, ApproveRiskAnalysisDecision.Decide(command, stream.Aggregate!));
}
