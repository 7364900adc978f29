namespace Cases.Domain.Cases;

public sealed record AssignInvestigator(long ExpectedVersion, string Investigator, DateOnly? AssignedOn = null);

public static class AssignInvestigatorDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => state.IsAcknowledged
            ? null
            : new RuleViolation("case-not-acknowledged", $"Case {state.Number} must be acknowledged before it is assigned."),
        () => state.HasInvestigator
            ? new RuleViolation("investigator-already-assigned",
                $"Case {state.Number} is assigned to {state.Investigator}; reassign it instead.")
            : null);

    public static RuleViolation? Check(AssignInvestigator command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => CaseRules.NotBeforeReceipt(state, command.AssignedOn ?? Rules.Today(now), "assignment"));

    public static InvestigatorAssigned Decide(AssignInvestigator command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new InvestigatorAssigned(state.Id, command.Investigator.Trim(), command.AssignedOn ?? Rules.Today(now));
    }
}
