using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using Cases.Projections.Meetings;
using Cases.Projections.Sanctions;
using JasperFx.Events;
using Marten;

namespace Cases.Api.Audit;

/// <summary>
/// Which state to rebuild, on two time axes: the facts recorded by <see cref="AsOf"/> (a moment; <see cref="At"/> is
/// its older name) or up to stream <see cref="Version"/>, all of them if neither; and of those, the facts in effect on
/// <see cref="EffectiveOn"/> (a business date). At least one is given.
/// </summary>
public sealed record ReplayPoint(long? Version = null, DateTimeOffset? At = null, DateTimeOffset? AsOf = null, DateOnly? EffectiveOn = null)
{
    public ProblemDetails Check() => new FieldErrors()
        .When(At is not null && AsOf is not null, "at", "at is the older name of asOf: give one of them.")
        .When(Version is not null && (At ?? AsOf) is not null, "version", "Give either version or asOf, not both.")
        .When(Version is null && (At ?? AsOf) is null && EffectiveOn is null, "asOf", "Give asOf, version or effectiveOn.")
        .When(Version < 1, "version", "Must be 1 or more.")
        .When(EffectiveOn?.Year < 2000, "effectiveOn", "Must be in 2000 or later.")
        .ToProblem();

    public DateTimeOffset? RecordedBy() => AsOf ?? At;
}

/// <summary>States rebuilt on both time axes: as recorded by a moment, and as in effect on a business date.</summary>
public static class Bitemporal
{
    /// <summary>The read model from the stream's events recorded by the point, those in effect on its day if it names one; null before the stream began.</summary>
    public static async Task<T?> StateAsync<T>(IQuerySession session, Guid streamId, ReplayPoint point, TimeZoneInfo zone, CancellationToken ct)
        where T : class
    {
        if (point.EffectiveOn is not { } day)
        {
            return await session.Events.AggregateStreamAsync<T>(streamId, version: point.Version ?? 0, timestamp: point.RecordedBy(), token: ct);
        }
        var recorded = await session.Events.FetchStreamAsync(streamId, version: point.Version ?? 0, timestamp: point.RecordedBy(), token: ct);
        var effective = InEffect(recorded, day, zone);
        if (effective.Count == 0) return null;
        var state = await ((StoreOptions)session.DocumentStore.Options).Projections.AggregatorFor<T>().BuildAsync(effective, session, null, ct);
        return Derived(state, day);
    }

    /// <summary>
    /// The events whose business date is on or before the day, in stream order; corrections whatever their date, once
    /// the stream has begun by the day (a correction alone is no record). An event without a day of its own counts from
    /// the day it was recorded on the organisation's clock.
    /// </summary>
    public static IReadOnlyList<IEvent> InEffect(IReadOnlyList<IEvent> events, DateOnly day, TimeZoneInfo zone)
    {
        var kept = new List<IEvent>();
        DateOnly? previous = null;
        foreach (var e in events)
        {
            var recordedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Timestamp, zone).DateTime);
            var from = BusinessDates.Of(e.Data).CountsFrom(recordedOn, previous);
            previous = from ?? previous;
            if (from <= day || (from is null && kept.Count > 0)) kept.Add(e);
        }
        return kept;
    }

    /// <summary>What follows from the dates alone by the day, whether or not the service recorded it yet.</summary>
    private static T Derived<T>(T state, DateOnly day)
    {
        switch (state)
        {
            case SanctionSummary { Status: SanctionStatus.Active, ExpiresOn: { } expiresOn } sanction when expiresOn <= day:
                sanction.Status = SanctionStatus.Expired;
                sanction.EndedOn = expiresOn;
                break;
            case DecisionSummary { Status: DecisionStatus.Open or DecisionStatus.PartiallyExecuted } decision
                when DecisionDeadline.OverdueFrom(decision.DueDate) <= day:
                decision.Status = DecisionStatus.Overdue;
                decision.OverdueFrom = DecisionDeadline.OverdueFrom(decision.DueDate);
                break;
        }
        return state;
    }
}
