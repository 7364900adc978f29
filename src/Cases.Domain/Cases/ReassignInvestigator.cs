namespace Cases.Domain.Cases;

public sealed record ReassignInvestigator(long ExpectedVersion, string Investigator, DateOnly? ReassignedOn = null);

public static class ReassignInvestigatorDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state));

    public static RuleViolation? Check(ReassignInvestigator command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => string.Equals(state.Investigator, command.Investigator.Trim(), StringComparison.Ordinal)
            ? new RuleViolation("same-investigator", $"Case {state.Number} is already assigned to {state.Investigator}.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.ReassignedOn ?? Rules.Today(now), "reassignment"));

    public static InvestigatorReassigned Decide(ReassignInvestigator command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new InvestigatorReassigned(
            state.Id, command.Investigator.Trim(), state.Investigator!, command.ReassignedOn ?? Rules.Today(now));
    }
}
