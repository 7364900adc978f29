using JasperFx.Events;

namespace Cases.Projections;

/// <summary>
/// An event's time as PostgreSQL keeps it, to the microsecond: a projection written as the event is appended must
/// hold the same time as one rebuilt later from the stored event.
/// </summary>
public static class EventTime
{
    public static DateTimeOffset Of(IEvent e) => new(e.Timestamp.Ticks - e.Timestamp.Ticks % 10, e.Timestamp.Offset);
}
