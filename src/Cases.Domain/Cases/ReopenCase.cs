namespace Cases.Domain.Cases;

public sealed record ReopenCase(long ExpectedVersion, string Reason, DateOnly? ReopenedOn = null);

public static class ReopenCaseDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) =>
        state.IsClosed ? null : new RuleViolation("case-not-closed", $"Case {state.Number} is not closed.");

    public static RuleViolation? Check(ReopenCase command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => CaseRules.NotBeforeReceipt(state, command.ReopenedOn ?? Rules.Today(now), "reopening"));

    public static CaseReopened Decide(ReopenCase command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CaseReopened(state.Id, command.Reason.Trim(), command.ReopenedOn ?? Rules.Today(now));
    }
}
