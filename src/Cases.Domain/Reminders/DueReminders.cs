namespace Cases.Domain.Reminders;

public enum ReminderStep
{
    /// <summary>The rule's working days before the last day.</summary>
    Before,

    /// <summary>The last day itself.</summary>
    OnTheDay,

    /// <summary>The day after, and any day after while the clock is still open: to the rule's escalation role.</summary>
    Escalation
}

/// <summary>
/// A clock still open, with its last day as counted now: what reminders watch. <paramref name="Assignee"/> is the user
/// the record gives the work to, when it names one (a case's assigned investigator): what the investigators are told
/// of that clock goes to them alone, not to every investigator.
/// </summary>
public sealed record OpenClock(string Id, string Kind, Guid StreamId, string Reference, DateOnly DueOn, string? Assignee = null);

/// <summary>A reminder due today: the clock, the step, and the role it goes to.</summary>
public sealed record DueReminder(OpenClock Clock, ReminderStep Step, string Role);

/// <summary>
/// What reminders are due, from the clocks as they are now: computed afresh at every check, so a fact that moves a
/// clock moves its reminders, and a clock closed has none. Whether one was sent already is the caller's business.
/// </summary>
public static class DueReminders
{
    /// <summary>
    /// How many days past its last day a clock is still escalated. Reminders switched on for an organisation with years
    /// of history would otherwise escalate every clock long overdue at the first check, in a burst of mails; those are
    /// left to the lists (<c>GET /api/deadlines</c>), which show every overdue clock however old.
    /// </summary>
    public const int EscalateWithinDaysDefault = 30;

    /// <summary>The role whose reminders of a clock go to the clock's <see cref="OpenClock.Assignee"/> when it has one.</summary>
    public const string AssignedRole = "investigator";

    /// <summary>The user a reminder to <paramref name="role"/> goes to by the record itself: the assignee, for the assigned role.</summary>
    public static string? AssigneeFor(OpenClock clock, string role) => role == AssignedRole ? clock.Assignee : null;

    /// <summary>Whether a holder of <paramref name="roles"/> named <paramref name="user"/> is told of the clock as <paramref name="role"/>.</summary>
    public static bool Tells(OpenClock clock, string role, IReadOnlyCollection<string> roles, string user) =>
        roles.Contains(role) && (AssigneeFor(clock, role) is not { } assignee || assignee == user);

    public static IReadOnlyList<DueReminder> Of(IEnumerable<OpenClock> clocks, Func<string, ReminderRule> rules, WorkingCalendar calendar, DateOnly today,
        int escalateWithinDays = EscalateWithinDaysDefault)
    {
        var due = new List<DueReminder>();
        foreach (var clock in clocks)
        {
            var rule = rules(clock.Kind);
            if (today > clock.DueOn)
            {
                if (rule.EscalateTo is { } role && today.DayNumber - clock.DueOn.DayNumber <= escalateWithinDays)
                {
                    due.Add(new DueReminder(clock, ReminderStep.Escalation, role));
                }
            }
            else if (today == clock.DueOn) due.Add(new DueReminder(clock, ReminderStep.OnTheDay, rule.Remind));
            else if (rule.WorkingDaysBefore > 0 && today >= calendar.Before(clock.DueOn, rule.WorkingDaysBefore))
            {
                due.Add(new DueReminder(clock, ReminderStep.Before, rule.Remind));
            }
        }
        return due;
    }

    /// <summary>
    /// What makes a reminder one: the clock, its last day, the step and the person (or role) told. A moved clock is
    /// another last day, so it is reminded of again; the same one never is.
    /// </summary>
    public static string Key(DueReminder reminder, string recipient) => Key(reminder.Clock.Id, reminder.Clock.DueOn, reminder.Step, recipient);

    private static string Key(string clockId, DateOnly dueOn, ReminderStep step, string recipient) => $"{clockId}/{dueOn:yyyy-MM-dd}/{step}/{recipient}";

    /// <summary>Who a reminder's key names: the user told, or the role when it went to everyone holding it.</summary>
    public static string Recipient(string? user, string role) => user is null ? $"role:{role}" : $"user:{user}";

    /// <summary>
    /// Whether the reminder was sent of the clock: its stream id is the one the clock's key gives. The clock's id is
    /// not kept on the reminder, as it may carry an employee's personnel number; the id, a one-way hash, tells it.
    /// </summary>
    public static bool IsOf(Reminder reminder, string organisation, string clockId) =>
        reminder.Id == StreamIds.Reminder(organisation, Key(clockId, reminder.DueOn, reminder.Step, Recipient(reminder.Recipient, reminder.Role)));
}
