using Cases.Domain.Sanctions;
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Attributes;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

/// <summary>
/// Sanctions expire on their own: a durable Wolverine message scheduled for the first moment of the expiry day on the
/// organisation's clock, which Wolverine keeps in PostgreSQL from the transaction that imposed the sanction, so it
/// survives restarts; it is scheduled again when a correction or an upgrade's restatement changes the day.
/// </summary>
public static class SanctionExpiries
{
    public static DeliveryMessage<SanctionExpiryDue> CheckOn(Guid sanctionId, DateOnly expiresOn, RequestTime time) =>
        new SanctionExpiryDue(sanctionId, expiresOn).DelayedFor(DelayUntil(expiresOn, time));

    /// <summary>Measured on the service's clock, as decision deadlines are; a day already reached is checked at once.</summary>
    public static TimeSpan DelayUntil(DateOnly expiresOn, RequestTime time)
    {
        var delay = time.StartOf(expiresOn) - time.Now;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }
}

public static class SanctionExpiryDueHandler
{
    public static Task<Employees.EmployeeRecords.OfSanction> LoadAsync(SanctionExpiryDue due, IDocumentSession session, CancellationToken ct) =>
        Employees.EmployeeRecords.LockForSanctionAsync(due.SanctionId, session, ct);

    [RetryNow(typeof(ConcurrencyException), 50, 200, 1000)]
    public static async Task<OutgoingMessages> Handle(SanctionExpiryDue due,
        [WriteAggregate(nameof(SanctionExpiryDue.SanctionId))] IEventStream<Sanction> stream, [ReadAggregate(nameof(SanctionExpiryDue.SanctionId), Required = false)] SanctionSummary? summary,
        IMessageContext context, OrganisationClock clock, IDocumentSession session, CancellationToken ct)
    {
        var time = clock.For(context.TenantId);
        var state = stream.Aggregate!;
        if (SanctionExpiry.Decide(due, state, time.Now) is { } expired)
        {
            stream.AppendOne(expired);
            return [];
        }
        // Came early (the clock of the node that scheduled it ran ahead): look again when the day has really come.
        return SanctionExpiry.StillAwaited(due, state) ? [SanctionExpiries.CheckOn(due.SanctionId, due.ExpiresOn, time)] : [];
    }
}
