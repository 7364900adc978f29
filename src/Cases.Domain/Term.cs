using System.Text.Json.Serialization;

namespace Cases.Domain;

public enum TermKind
{
    /// <summary>By a day: "by 1 March 2019".</summary>
    ByDate,

    /// <summary>Within a quarter of a year: "in the third quarter of 2019".</summary>
    Quarter,

    /// <summary>Within a half of a year: "in the first half of 2019".</summary>
    HalfYear,

    /// <summary>Within a calendar year: "during 2019".</summary>
    Year,

    /// <summary>"On an ongoing basis": never done once and for all, reported at a rhythm instead.</summary>
    Ongoing
}

public enum ReportingRhythm
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly
}

/// <summary>
/// When something must be done, worded as plans and commissions word it: by a date, within a quarter, a half-year or a
/// year (<see cref="Year"/> and <see cref="Part"/>), or on an ongoing basis with a report due at the end of every
/// reporting period (<see cref="Reporting"/>). Stored as given, so the record keeps the wording it was adopted with.
/// </summary>
public sealed record Term(TermKind Kind, DateOnly? Date = null, int? Year = null, int? Part = null, ReportingRhythm? Reporting = null)
{
    public const int FirstYear = 1991;
    public const int LastYear = 2100;

    public static Term By(DateOnly date) => new(TermKind.ByDate, Date: date);

    public static Term InQuarter(int year, int quarter) => new(TermKind.Quarter, Year: year, Part: quarter);

    public static Term InHalfYear(int year, int half) => new(TermKind.HalfYear, Year: year, Part: half);

    public static Term InYear(int year) => new(TermKind.Year, Year: year);

    public static Term Ongoing(ReportingRhythm reporting) => new(TermKind.Ongoing, Reporting: reporting);

    /// <summary>What is wrong with the term's fields, each named as the request names it; empty when it is whole.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        bool needsDate = Kind == TermKind.ByDate, needsYear = Kind is TermKind.Quarter or TermKind.HalfYear or TermKind.Year;
        bool needsPart = Kind is TermKind.Quarter or TermKind.HalfYear, needsRhythm = Kind == TermKind.Ongoing;
        if (needsDate != Date.HasValue) yield return ("date", needsDate ? "Required for a term by a date." : "Only a term by a date has a date.");
        if (needsYear != Year.HasValue) yield return ("year", needsYear ? "Required for a quarter, a half-year or a year." : "Only a quarter, a half-year or a year has a year.");
        else if (Year is < FirstYear or > LastYear) yield return ("year", $"Must be from {FirstYear} to {LastYear}.");
        if (needsPart != Part.HasValue) yield return ("part", needsPart ? "Required: which quarter (1-4) or half (1-2)." : "Only a quarter or a half-year has a part.");
        else if (Part is { } part && (part < 1 || part > (Kind == TermKind.Quarter ? 4 : 2)))
            yield return ("part", Kind == TermKind.Quarter ? "A quarter is 1 to 4." : "A half is 1 or 2.");
        if (needsRhythm != Reporting.HasValue) yield return ("reporting", needsRhythm ? "Required for an ongoing term." : "Only an ongoing term has a reporting rhythm.");
    }

    /// <summary>The first day of the term; null for a date or an ongoing term, which begin when they are given.</summary>
    // Derived, so never stored with the term nor sent with it.
    [JsonIgnore]
    public DateOnly? FirstDay => Kind switch
    {
        TermKind.Quarter => new DateOnly(Year!.Value, (Part!.Value - 1) * 3 + 1, 1),
        TermKind.HalfYear => new DateOnly(Year!.Value, (Part!.Value - 1) * 6 + 1, 1),
        TermKind.Year => new DateOnly(Year!.Value, 1, 1),
        _ => null
    };

    /// <summary>The last day it may be done on; null for an ongoing term, which has reports due instead.</summary>
    [JsonIgnore]
    public DateOnly? LastDay => Kind switch
    {
        TermKind.ByDate => Date,
        TermKind.Quarter => new DateOnly(Year!.Value, Part!.Value * 3, 1).AddMonths(1).AddDays(-1),
        TermKind.HalfYear => new DateOnly(Year!.Value, Part!.Value * 6, 1).AddMonths(1).AddDays(-1),
        TermKind.Year => new DateOnly(Year!.Value, 12, 31),
        _ => null
    };

    /// <summary>
    /// For an ongoing term, the reporting period that holds <paramref name="day"/> (calendar months, quarters,
    /// half-years or years); its report is due on its last day.
    /// </summary>
    public (DateOnly From, DateOnly To) ReportingPeriodOf(DateOnly day)
    {
        var months = Reporting switch
        {
            ReportingRhythm.Monthly => 1,
            ReportingRhythm.Quarterly => 3,
            ReportingRhythm.HalfYearly => 6,
            ReportingRhythm.Yearly => 12,
            _ => throw new InvalidOperationException("Only an ongoing term has reporting periods.")
        };
        var from = new DateOnly(day.Year, (day.Month - 1) / months * months + 1, 1);
        return (from, from.AddMonths(months).AddDays(-1));
    }
}
