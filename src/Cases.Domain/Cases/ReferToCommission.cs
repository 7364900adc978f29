namespace Cases.Domain.Cases;

public sealed record ReferToCommission(long ExpectedVersion, string Commission, DateOnly? ReferredOn = null);

public static class ReferToCommissionDecision
{
    public static RuleViolation? Check(ReferToCommission command, Case state, DateTimeOffset now) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state),
        () => state.IsReferred
            ? new RuleViolation("case-already-referred", $"Case {state.Number} is already before a commission.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.ReferredOn ?? Rules.Today(now), "referral"));

    public static CaseReferredToCommission Decide(ReferToCommission command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CaseReferredToCommission(state.Id, command.Commission.Trim(), command.ReferredOn ?? Rules.Today(now));
    }
}
