using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

[Tags(ApiTags.RiskAnalysis)]
public static class IdentifyCorruptionRiskEndpoint
{
    public static ProblemDetails Validate(IdentifyCorruptionRisk command, IEventStream<CorruptionRiskAnalysis> stream, RequestTime time) =>
        RiskAnalysisChecks.Answer(new FieldErrors()
                .Text("area", command.Area)
                .Text("description", command.Description, FieldErrors.LongText)
                .Text("conditions", command.Conditions, FieldErrors.LongText)
                .Text("recommendation", command.Recommendation, FieldErrors.LongText)
                .NotInFuture("identifiedOn", command.IdentifiedOn, time.Today),
            command.ExpectedVersion, stream, state => IdentifyCorruptionRiskDecision.Check(command, state, time.Now));

    /// <summary>Records a risk the analysis identified, with the conditions that make it and the recommendation against it.</summary>
    [WolverinePost("/api/risk-analyses/{analysisId}/risks", OperationId = "IdentifyCorruptionRisk")]
    [EndpointSummary("Record an identified corruption risk")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(IdentifyCorruptionRisk command,
        [WriteAggregate("analysisId", MissingMessage = RiskAnalysisChecks.Missing)] IEventStream<CorruptionRiskAnalysis> stream,
        [ReadAggregate("analysisId", Required = false)] RiskAnalysisSummary? summary, RequestTime time) =>
        Written.Append(stream, IdentifyCorruptionRiskDecision.Decide(command, stream.Aggregate!, time.Now));
}
