namespace Cases.Domain.RiskAnalysis;

public sealed record AssignRiskAction(long ExpectedVersion, string Executor, DateOnly DueOn, DateOnly? AssignedOn = null);

public static class AssignRiskActionDecision
{
    /// <summary>
    /// The approved recommendation of a recorded risk becomes one action, assigned once, from the approval on, and due
    /// no earlier than it was assigned.
    /// </summary>
    public static RuleViolation? Check(AssignRiskAction command, CorruptionRiskAnalysis state, RiskState risk, DateTimeOffset now) => Rules.First(
        () => RiskAnalysisRules.Approved(state),
        () => risk.AssignedOn is { } assigned
            ? new RuleViolation("action-already-assigned", $"The action on risk {risk.Number} was assigned on {assigned:yyyy-MM-dd}.")
            : null,
        () => Rules.NotBefore(AssignedOn(command, now), state.ApprovedOn!.Value, "assignment", "approval"),
        () => Rules.NotBefore(command.DueOn, AssignedOn(command, now), "due", "assignment"));

    public static RiskActionAssigned Decide(AssignRiskAction command, CorruptionRiskAnalysis state, RiskState risk, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, risk, now));
        return new RiskActionAssigned(state.Id, risk.Number, command.Executor.Trim(), command.DueOn, AssignedOn(command, now));
    }

    private static DateOnly AssignedOn(AssignRiskAction command, DateTimeOffset now) => command.AssignedOn ?? Rules.Today(now);
}
