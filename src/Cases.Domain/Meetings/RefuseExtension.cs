namespace Cases.Domain.Meetings;

public sealed record RefuseExtension(long ExpectedVersion, string Reason, DateOnly? RefusedOn = null);

public static class RefuseExtensionDecision
{
    public static RuleViolation? Check(RefuseExtension command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => DecisionRules.ExtensionPending(state),
        () => DecisionRules.NotBeforeRequest(state, command.RefusedOn ?? Rules.Today(now), "refusal"));

    public static ExtensionRefused Decide(RefuseExtension command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new ExtensionRefused(state.Id, command.Reason.Trim(), command.RefusedOn ?? Rules.Today(now));
    }
}
