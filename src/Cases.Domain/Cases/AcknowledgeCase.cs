namespace Cases.Domain.Cases;

public sealed record AcknowledgeCase(long ExpectedVersion, DateOnly? AcknowledgedOn = null);

public static class AcknowledgeCaseDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => state.IsAcknowledged
            ? new RuleViolation("case-already-acknowledged", $"Case {state.Number} was already acknowledged.")
            : null);

    public static RuleViolation? Check(AcknowledgeCase command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => CaseRules.NotBeforeReceipt(state, command.AcknowledgedOn ?? Rules.Today(now), "acknowledgement"));

    public static CaseAcknowledged Decide(AcknowledgeCase command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CaseAcknowledged(state.Id, command.AcknowledgedOn ?? Rules.Today(now));
    }
}
