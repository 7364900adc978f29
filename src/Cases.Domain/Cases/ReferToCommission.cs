namespace Cases.Domain.Cases;

public sealed record ReferToCommission(long ExpectedVersion, string Commission, DateOnly? ReferredOn = null);

public static class ReferToCommissionDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state),
        () => state.IsReferred
            ? new RuleViolation("case-already-referred", $"Case {state.Number} is already before a commission.")
            : null);

    public static RuleViolation? Check(ReferToCommission command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => CaseRules.NotBeforeReceipt(state, command.ReferredOn ?? Rules.Today(now), "referral"));

    public static CaseReferredToCommission Decide(ReferToCommission command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CaseReferredToCommission(state.Id, command.Commission.Trim(), command.ReferredOn ?? Rules.Today(now));
    }
}
