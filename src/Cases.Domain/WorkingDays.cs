namespace Cases.Domain;

/// <summary>
/// Working days for the labour-law clocks: Monday to Friday. Public holidays join when organisations get their own
/// working-day calendar; until then a clock built on this errs on the side of waiting longer, never shorter.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date of the <paramref name="count"/>-th working day after <paramref name="start"/>.</summary>
    public static DateOnly After(DateOnly start, int count)
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
