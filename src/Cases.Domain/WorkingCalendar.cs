namespace Cases.Domain;

/// <summary>
/// An organisation's working days: Monday to Friday, less its public holidays, plus the weekend days its calendar
/// makes working days (days moved to bridge a holiday). Every labour-law clock counts on it.
/// </summary>
public sealed record WorkingCalendar(IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> WorkingWeekendDays)
{
    /// <summary>Weekends only: the calendar of an organisation that has not published its holidays.</summary>
    public static readonly WorkingCalendar WeekendsOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly date) =>
        WorkingWeekendDays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date));

    /// <summary>The date of the <paramref name="count"/>-th working day before <paramref name="end"/>.</summary>
    public DateOnly Before(DateOnly end, int count)
    {
        var date = end;
        while (count > 0)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date)) count--;
        }
        return date;
    }

    /// <summary>The date of the <paramref name="count"/>-th working day after <paramref name="start"/>.</summary>
    public DateOnly After(DateOnly start, int count)
    {
        var date = start;
        while (count > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) count--;
        }
        return date;
    }
}
