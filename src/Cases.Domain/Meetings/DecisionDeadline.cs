namespace Cases.Domain.Meetings;

/// <summary>The message that comes back at the end of a decision's due date to see whether it was met.</summary>
public sealed record DecisionDueDatePassed(Guid DecisionId, DateOnly DueDate);

public static class DecisionDeadline
{
    /// <summary>
    /// Overdue once the due date is over with the decision unexecuted. A check for a due date since moved by an
    /// extension, or one that arrives early, changes nothing.
    /// </summary>
    public static DecisionBecameOverdue? Decide(DecisionDueDatePassed check, ProtocolDecision state, DateTimeOffset now) =>
        StillAwaited(check, state) && Rules.Today(now) > check.DueDate
            ? new DecisionBecameOverdue(state.Id, check.DueDate)
            : null;

    /// <summary>The check is still the one that matters: the decision is unexecuted and due on the day it looks at.</summary>
    public static bool StillAwaited(DecisionDueDatePassed check, ProtocolDecision state) =>
        !state.IsExecuted && !state.IsOverdue && state.DueDate == check.DueDate;

    /// <summary>The day the decision is overdue from, to schedule the check at its first moment.</summary>
    public static DateOnly OverdueFrom(DateOnly dueDate) => dueDate.AddDays(1);
}
