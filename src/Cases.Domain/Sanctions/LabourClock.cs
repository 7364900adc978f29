using Cases.Domain.Employees;

namespace Cases.Domain.Sanctions;

/// <summary>
/// The statutory periods counted in months with the employee's absences left out: each day of absence after the
/// start moves the end one day later, and the days it moves into may hold absences of their own.
/// </summary>
public static class LabourClock
{
    /// <summary>
    /// The last day of a period of <paramref name="months"/> from <paramref name="start"/> (the same day of the month,
    /// or the month's last day when it has no such day), extended by the days of absence it contains.
    /// </summary>
    public static DateOnly End(DateOnly start, int months, IReadOnlyList<Absence> absences)
    {
        var plain = start.AddMonths(months);
        var end = plain;
        while (true)
        {
            var absent = AbsentDays(absences, start, end);
            var extended = plain.AddDays(absent);
            if (extended == end) return end;
            end = extended;
        }
    }

    /// <summary>Days after <paramref name="start"/>, up to and including <paramref name="end"/>, on which the employee was absent.</summary>
    public static int AbsentDays(IReadOnlyList<Absence> absences, DateOnly start, DateOnly end)
    {
        var days = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (absences.Any(a => a.Covers(day))) days++;
        }
        return days;
    }
}

/// <summary>
/// The time limits an organisation applies to disciplinary sanctions. The defaults follow the Labour Code of the
/// Republic of Kazakhstan No. 414-V (articles 65 and 66); an organisation overrides them in configuration after
/// checking them against the law in force.
/// </summary>
public sealed record SanctionRules
{
    /// <summary>Art. 65: a sanction is imposed within one month of the offence's discovery, absences not counted.</summary>
    public int MonthsFromDiscovery { get; init; } = 1;

    /// <summary>Art. 65: and within six months of the offence itself, absences not counted.</summary>
    public int MonthsFromOffence { get; init; } = 6;

    /// <summary>Art. 66: a sanction stays in force at most six months from its application, absences not counted.</summary>
    public int MonthsInForce { get; init; } = 6;

    /// <summary>Art. 65: the order is announced to the employee against signature within three working days.</summary>
    public int AnnouncementWorkingDays { get; init; } = 3;
}
