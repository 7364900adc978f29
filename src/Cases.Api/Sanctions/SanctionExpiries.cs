using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Cases.Api.Sanctions;

/// <summary>
/// Sanctions expire on their own: a durable Wolverine message scheduled for the first moment of the expiry day on the
/// organisation's clock, which Wolverine keeps in PostgreSQL from the transaction that imposed the sanction, so it
/// survives restarts; it is scheduled again whenever an absence moves the day.
/// </summary>
public static class SanctionExpiries
{
    public static DeliveryMessage<SanctionExpiryDue> CheckOn(Guid sanctionId, DateOnly expiresOn, RequestTime time)
    {
        // Measured on the service's clock, as decision deadlines are; a day already reached is checked at once.
        var delay = time.StartOf(expiresOn) - time.Now;
        return new SanctionExpiryDue(sanctionId, expiresOn).DelayedFor(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    /// <summary>Moves the expiry of the employee's sanctions to what their absences now make it.</summary>
    public static async Task<OutgoingMessages> RecomputeAsync(string personnelNumber, IReadOnlyList<Absence> absences,
        IDocumentSession session, SanctionRules rules, RequestTime time, CancellationToken ct)
    {
        var active = await session.Query<SanctionSummary>()
            .Where(s => s.PersonnelNumber == personnelNumber && (s.Status == SanctionStatus.Active || s.Status == SanctionStatus.Expired) && s.ExpiresOn != null)
            .Select(s => s.Id).ToListAsync(ct);
        var checks = new OutgoingMessages();
        foreach (var id in active)
        {
            var stream = await session.Events.FetchForWriting<Sanction>(id, ct);
            if (SanctionExpiry.Recompute(stream.Aggregate!, absences, rules) is not { } moved) continue;
            stream.AppendOne(moved);
            checks.Add(CheckOn(id, moved.ExpiresOn, time));
        }
        return checks;
    }
}

public static class SanctionExpiryDueHandler
{
    [RetryNow(typeof(ConcurrencyException), 50, 200, 1000)]
    public static async Task<OutgoingMessages> Handle(SanctionExpiryDue due,
        [WriteAggregate(nameof(SanctionExpiryDue.SanctionId))] IEventStream<Sanction> stream,
        IMessageContext context, OrganisationClock clock, IDocumentSession session, CancellationToken ct)
    {
        await Employees.EmployeeRecords.LockAsync(session, stream.Aggregate!.PersonnelNumber, ct);
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
