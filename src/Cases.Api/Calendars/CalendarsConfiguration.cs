using Cases.Domain.Calendars;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Calendars;

public static class CalendarsConfiguration
{
    /// <summary>The calendar's events, and the organisation's calendar kept as a snapshot written with them.</summary>
    public static StoreOptions ConfigureCalendars(this StoreOptions opts)
    {
        opts.Projections.Snapshot<OrganisationCalendar>(SnapshotLifecycle.Inline);
        return opts.MapEventTypes(CalendarEventNames.Stored);
    }
}
