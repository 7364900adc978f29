using JasperFx.Events;

namespace Cases.Domain.Reminders;

/// <summary>One line of a person's digest: an open clock, and whether it is overdue or how many days it has left.</summary>
public sealed record DigestLine(OpenClock Clock, bool Overdue, int DaysLeft);

/// <summary>
/// What a person's daily digest lists, from the clocks as they are now and the organisation's reminder rules: the
/// clocks of the kinds whose <see cref="ReminderRule.Remind"/> role the person holds, overdue or due within
/// <see cref="DaysAhead"/> days (today and the six after); and the overdue clocks of the kinds whose
/// <see cref="ReminderRule.EscalateTo"/> role they hold, as an escalation reaches them; of a clock assigned to someone
/// (<see cref="OpenClock.Assignee"/>), only that person's. Overdue lines first, the
/// longest overdue first; then the coming ones, the nearest first.
/// </summary>
public static class Digest
{
    public const int DaysAhead = 7;

    public static IReadOnlyList<DigestLine> For(IEnumerable<OpenClock> clocks, Func<string, ReminderRule> rules, IReadOnlyCollection<string> roles,
        string user, DateOnly today)
    {
        var lines = new List<DigestLine>();
        foreach (var clock in clocks)
        {
            var rule = rules(clock.Kind);
            var daysLeft = clock.DueOn.DayNumber - today.DayNumber;
            var overdue = daysLeft < 0;
            var theirs = DueReminders.Tells(clock, rule.Remind, roles, user)
                || (overdue && rule.EscalateTo is { } escalated && DueReminders.Tells(clock, escalated, roles, user));
            if (theirs && daysLeft < DaysAhead) lines.Add(new DigestLine(clock, overdue, daysLeft));
        }
        return lines.OrderBy(l => l.Clock.DueOn).ThenBy(l => l.Clock.Kind, StringComparer.Ordinal).ThenBy(l => l.Clock.Reference, StringComparer.Ordinal)
            .ToArray();
    }
}

/// <summary>
/// The service mailed <paramref name="Person"/> (a user name) their digest of <paramref name="Day"/>: how many lines
/// were overdue and how many due within the week. One stream per organisation, person and day, so it is mailed once.
/// The lines themselves are not kept: they are the deadlines of that day, which the events of the records tell.
/// </summary>
public sealed record DigestSent(Guid DigestId, string Person, DateOnly Day, int Overdue, int DueThisWeek);

/// <summary>A digest as mailed: what a check looks for to know the person's digest of the day is sent.</summary>
public sealed partial record PersonDigest
{
    public Guid Id { get; init; }
    public string Person { get; init; } = "";
    public DateOnly Day { get; init; }
    public int Overdue { get; init; }
    public int DueThisWeek { get; init; }

    public static PersonDigest Create(IEvent<DigestSent> e) => new()
    {
        Id = e.StreamId,
        Person = e.Data.Person,
        Day = e.Data.Day,
        Overdue = e.Data.Overdue,
        DueThisWeek = e.Data.DueThisWeek
    };
}
