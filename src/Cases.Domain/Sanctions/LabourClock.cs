using Cases.Domain.Employees;

namespace Cases.Domain.Sanctions;

/// <summary>
/// The periods for imposing a sanction (art. 66(1) and 66(2)), counted in months with the days the employee's absences
/// suspend them left out (art. 66(3)): each such day after the start moves the end one day later, and the days it
/// moves into may hold absences of their own. Absences of kinds that do not suspend them are not counted.
/// </summary>
public static class LabourClock
{
    /// <summary>
    /// The last day of a period of <paramref name="months"/> from <paramref name="start"/> (the same day of the month,
    /// or the month's last day when it has no such day), extended by the days of suspending absence it contains.
    /// </summary>
    public static DateOnly End(DateOnly start, int months, IReadOnlyList<Absence> absences)
    {
        var suspending = absences.Where(a => a.Suspends()).ToArray();
        var plain = start.AddMonths(months);
        var end = plain;
        while (true)
        {
            var absent = AbsentDays(suspending, start, end);
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
    /// <summary>Art. 66(1): a sanction is imposed within one month of the offence's discovery, suspended as art. 66(3) says.</summary>
    public int MonthsFromDiscovery { get; init; } = 1;

    /// <summary>Art. 66(2): and within six months of the offence itself, suspended as art. 66(3) says.</summary>
    public int MonthsFromOffence { get; init; } = 6;

    /// <summary>Art. 66(2): one year from the offence when an audit or inspection of the employer's financial and economic activity established it.</summary>
    public int MonthsFromOffenceWhenAudited { get; init; } = 12;

    /// <summary>Art. 66(4): a sanction stays in force at most six months from the day it was applied; absences do not extend it.</summary>
    public int MonthsInForce { get; init; } = 6;

    /// <summary>Art. 65(5): the order is announced to the employee against signature within three working days of its issue.</summary>
    public int AnnouncementWorkingDays { get; init; } = 3;

    /// <summary>Art. 65: the employee has this many working days to explain in writing before an act of refusal may be drawn up.</summary>
    public int ExplanationWorkingDays { get; init; } = 2;
}
