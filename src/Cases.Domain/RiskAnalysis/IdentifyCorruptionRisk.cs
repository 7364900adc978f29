namespace Cases.Domain.RiskAnalysis;

public sealed record IdentifyCorruptionRisk(long ExpectedVersion, string Area, string Description, string Conditions, string Recommendation,
    DateOnly? IdentifiedOn = null);

public static class IdentifyCorruptionRiskDecision
{
    /// <summary>A risk is recorded while the analysis is open, in an area it looks at, no earlier than it started.</summary>
    public static RuleViolation? Check(IdentifyCorruptionRisk command, CorruptionRiskAnalysis state, DateTimeOffset now) => Rules.First(
        () => RiskAnalysisRules.NotApproved(state),
        () => state.Scope.Contains(command.Area.Trim())
            ? null
            : new RuleViolation("area-outside-scope", $"The analysis looks at {string.Join(", ", state.Scope)}, not at {command.Area.Trim()}."),
        () => Rules.NotBefore(IdentifiedOn(command, now), state.StartedOn, "identification", "start"));

    public static CorruptionRiskIdentified Decide(IdentifyCorruptionRisk command, CorruptionRiskAnalysis state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CorruptionRiskIdentified(state.Id, state.Risks.Count + 1, command.Area.Trim(), command.Description.Trim(),
            command.Conditions.Trim(), command.Recommendation.Trim(), IdentifiedOn(command, now));
    }

    private static DateOnly IdentifiedOn(IdentifyCorruptionRisk command, DateTimeOffset now) => command.IdentifiedOn ?? Rules.Today(now);
}
