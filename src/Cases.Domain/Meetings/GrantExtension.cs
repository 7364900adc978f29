namespace Cases.Domain.Meetings;

/// <summary>Grants the pending request, to the date asked for unless the commission set another.</summary>
public sealed record GrantExtension(long ExpectedVersion, DateOnly? NewDueDate = null, DateOnly? GrantedOn = null);

public static class GrantExtensionDecision
{
    public static RuleViolation? Check(GrantExtension command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => DecisionRules.ExtensionPending(state),
        () => DecisionRules.NotBeforeRequest(state, command.GrantedOn ?? Rules.Today(now), "grant"),
        () => DecisionRules.LaterThanDue(state, command.NewDueDate ?? state.ProposedDueDate!.Value));

    public static ExtensionGranted Decide(GrantExtension command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new ExtensionGranted(state.Id, command.NewDueDate ?? state.ProposedDueDate!.Value, command.GrantedOn ?? Rules.Today(now));
    }
}
