using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Cases.Projections;

/// <summary>A read model that says when the last fact it shows was recorded.</summary>
public interface IChangeTracked
{
    DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>
/// Stamps a read model with the time of each event its projection applies, after the event is applied: the event's
/// time, never the clock's, so that a rebuild stamps the same. An event the projection has no Create or Apply for (one
/// it only passes by in the stream or group) changed nothing the read model shows, and leaves the stamp as it was.
/// </summary>
public static class ChangeStamp
{
    public static TDoc Of<TDoc>(TDoc view, IEvent e, IReadOnlyCollection<Type> applied) where TDoc : IChangeTracked
    {
        if (applied.Contains(e.EventType)) view.LastChangedAt = EventTime.Of(e);
        return view;
    }
}

/// <summary>A projection of one stream whose read model is stamped by <see cref="ChangeStamp"/>.</summary>
public abstract class ChangeTrackedProjection<TDoc> : SingleStreamProjection<TDoc, Guid> where TDoc : class, IChangeTracked
{
    public override TDoc ApplyMetadata(TDoc view, IEvent lastEvent) => ChangeStamp.Of(view, lastEvent, AllEventTypes);
}

/// <summary>A projection of several streams whose read model is stamped by <see cref="ChangeStamp"/>.</summary>
public abstract class ChangeTrackedMultiStreamProjection<TDoc, TId> : MultiStreamProjection<TDoc, TId>
    where TDoc : class, IChangeTracked where TId : notnull
{
    public override TDoc ApplyMetadata(TDoc view, IEvent lastEvent) => ChangeStamp.Of(view, lastEvent, AllEventTypes);
}
