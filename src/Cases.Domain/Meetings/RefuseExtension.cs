namespace Cases.Domain.Meetings;

public sealed record RefuseExtension(long ExpectedVersion, string Reason, DateOnly? RefusedOn = null);

public static class RefuseExtensionDecision
{
    public static RuleViolation? Check(ProtocolDecision state) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => DecisionRules.ExtensionPending(state));

    public static ExtensionRefused Decide(RefuseExtension command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(state));
        return new ExtensionRefused(state.Id, command.Reason.Trim(), command.RefusedOn ?? Rules.Today(now));
    }
}
