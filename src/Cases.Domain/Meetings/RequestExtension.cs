namespace Cases.Domain.Meetings;

public sealed record RequestExtension(long ExpectedVersion, DateOnly ProposedDueDate, string Reason, DateOnly? RequestedOn = null);

public static class RequestExtensionDecision
{
    public static RuleViolation? Check(RequestExtension command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => state.HasPendingExtension
            ? new RuleViolation("extension-pending", $"Decision {state.ProtocolNumber} already awaits an answer to an extension request.")
            : null,
        // Judged on the request's date, not on when it is entered: a request made in time and entered after the
        // service marked the decision overdue is still in time.
        () => (command.RequestedOn ?? Rules.Today(now)) > state.DueDate
            ? new RuleViolation("decision-overdue", $"Decision {state.ProtocolNumber} was due on {state.DueDate:yyyy-MM-dd}; an extension must be asked before then.")
            : null,
        () => Rules.NotBefore(command.RequestedOn ?? Rules.Today(now), state.AdoptedOn, "request", "adoption"),
        () => DecisionRules.LaterThanDue(state, command.ProposedDueDate));

    public static ExtensionRequested Decide(RequestExtension command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new ExtensionRequested(state.Id, command.ProposedDueDate, command.Reason.Trim(), command.RequestedOn ?? Rules.Today(now));
    }
}
