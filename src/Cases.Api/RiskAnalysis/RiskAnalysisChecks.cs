using Cases.Domain.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

public static class RiskAnalysisChecks
{
    /// <summary>The same answer for an analysis never started and one of another organisation.</summary>
    public const string Missing = "Risk analysis {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<CorruptionRiskAnalysis> stream,
        Func<CorruptionRiskAnalysis, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, _ => "The risk analysis", rule);

    /// <summary>An action is on a recorded risk: an unknown number is as unknown as the analysis.</summary>
    public static ProblemDetails AnswerOnRisk(FieldErrors fields, long expectedVersion, IEventStream<CorruptionRiskAnalysis> stream,
        int riskNumber, Func<CorruptionRiskAnalysis, RiskState, RuleViolation?> rule)
    {
        if (fields.Any) return fields.ToProblem();
        return stream.Aggregate!.Risk(riskNumber) is { } risk
            ? Answer(fields, expectedVersion, stream, state => rule(state, risk))
            : new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Risk {riskNumber} of risk analysis {stream.Id} was not found." };
    }
}
