using Cases.Domain.Meetings;
using JasperFx;
using Wolverine;
using Wolverine.Attributes;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

/// <summary>
/// Decisions become overdue on their own: a durable Wolverine message scheduled for the first moment after the due
/// date, on the organisation's clock. Wolverine stores it in PostgreSQL in the transaction that adopts the decision,
/// so it survives restarts, and it comes back with its organisation as tenant.
/// </summary>
public static class DecisionDeadlines
{
    public static DeliveryMessage<DecisionDueDatePassed> CheckAtEndOf(Guid decisionId, DateOnly dueDate, RequestTime time)
    {
        // The delay is measured on the service's own clock, so the check also comes at the right moment when that
        // clock is not the machine's (tests move it); a decision recorded after its due date is checked at once.
        var delay = time.StartOf(DecisionDeadline.OverdueFrom(dueDate)) - time.Now;
        return new DecisionDueDatePassed(decisionId, dueDate).DelayedFor(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }
}

public static class DecisionDueDatePassedHandler
{
    [RetryNow(typeof(ConcurrencyException), 50, 200, 1000)]
    public static OutgoingMessages Handle(DecisionDueDatePassed check,
        [WriteAggregate(nameof(DecisionDueDatePassed.DecisionId))] IEventStream<ProtocolDecision> stream, [ReadAggregate(nameof(DecisionDueDatePassed.DecisionId), Required = false)] DecisionSummary? summary,
        IMessageContext context, OrganisationClock clock)
    {
        var time = clock.For(context.TenantId);
        var state = stream.Aggregate!;
        if (DecisionDeadline.Decide(check, state, time.Now) is { } overdue)
        {
            stream.AppendOne(overdue);
            return [];
        }
        // Came early (the clock of the node that scheduled it ran ahead): look again when the day is really over.
        return DecisionDeadline.StillAwaited(check, state) ? [CheckAtEndOf(check, time)] : [];
    }

    private static DeliveryMessage<DecisionDueDatePassed> CheckAtEndOf(DecisionDueDatePassed check, RequestTime time) =>
        DecisionDeadlines.CheckAtEndOf(check.DecisionId, check.DueDate, time);
}
