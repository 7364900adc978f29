using JasperFx.Events;

namespace Cases.Domain.Calendars;

/// <summary>
/// The organisation published its working-day calendar for a year: the public holidays, and the weekend days worked
/// instead of bridged weekdays. A later publication for the same year replaces the earlier one.
/// </summary>
public sealed record CalendarYearPublished(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingWeekendDays);

public sealed record PublishCalendarYear(long ExpectedVersion, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingWeekendDays);

/// <summary>The organisation's calendar over the years it published. One stream per organisation.</summary>
public sealed partial record OrganisationCalendar
{
    public Guid Id { get; init; }
    public IReadOnlyDictionary<int, CalendarYearPublished> Years { get; init; } = new Dictionary<int, CalendarYearPublished>();

    /// <summary>Marten's stream version, so readers know what to send as the expected version.</summary>
    public long Version { get; set; }

    public static OrganisationCalendar Create(IEvent<CalendarYearPublished> e) => new OrganisationCalendar { Id = e.StreamId }.Apply(e.Data);

    public OrganisationCalendar Apply(CalendarYearPublished e) =>
        this with { Years = new Dictionary<int, CalendarYearPublished>(Years) { [e.Year] = e } };

    public WorkingCalendar Working => new(
        Years.Values.SelectMany(y => y.Holidays).ToHashSet(),
        Years.Values.SelectMany(y => y.WorkingWeekendDays).ToHashSet());

    public static WorkingCalendar WorkingOf(OrganisationCalendar? calendar) => calendar?.Working ?? WorkingCalendar.WeekendsOnly;
}

public static class PublishCalendarYearDecision
{
    public static RuleViolation? Check(PublishCalendarYear command, int year) => Rules.First(
        () => command.Holidays.Concat(command.WorkingWeekendDays).Where(d => d.Year != year).Select(d => (DateOnly?)d).FirstOrDefault() is { } stray
            ? new RuleViolation("date-outside-year", $"{stray:yyyy-MM-dd} is not in {year}.")
            : null,
        () => command.WorkingWeekendDays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => (DateOnly?)d).FirstOrDefault() is { } weekday
            ? new RuleViolation("not-a-weekend-day", $"{weekday:yyyy-MM-dd} is a {weekday.DayOfWeek}; only weekend days can be made working days.")
            : null,
        () => command.WorkingWeekendDays.Intersect(command.Holidays).Select(d => (DateOnly?)d).FirstOrDefault() is { } both
            ? new RuleViolation("holiday-and-working-day", $"{both:yyyy-MM-dd} cannot be both a holiday and a working day.")
            : null);

    public static CalendarYearPublished Decide(PublishCalendarYear command, int year)
    {
        Rules.Ensure(Check(command, year));
        return new CalendarYearPublished(year, command.Holidays.Distinct().Order().ToArray(), command.WorkingWeekendDays.Distinct().Order().ToArray());
    }
}

public static class CalendarEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(CalendarYearPublished)] = "calendar_year_published"
    };
}
