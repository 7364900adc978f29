using JasperFx.Events;

namespace Cases.Domain.Reminders;

/// <summary>
/// The service told someone of a clock: <paramref name="Recipient"/> is the user told, or null when the reminder went
/// to everyone holding <paramref name="Role"/> (no one of that role is named in the notification settings);
/// <paramref name="Mailed"/> says whether an e-mail went too. Only the clock's reference, kind and day are kept: no
/// employee's personnel number, though the clock may be one employee's (the stream id tells such reminders apart).
/// </summary>
public sealed record ReminderSent(Guid ReminderId, string Kind, Guid StreamId, string Reference, DateOnly DueOn,
    ReminderStep Step, string Role, string? Recipient, bool Mailed, DateOnly SentOn);

/// <summary>The person told took note: the reminder leaves their list.</summary>
public sealed record ReminderAcknowledged(Guid ReminderId, DateOnly AcknowledgedOn);

/// <summary>The person told put it off: it is back on their list on <paramref name="Until"/>.</summary>
public sealed record ReminderSnoozed(Guid ReminderId, DateOnly Until, DateOnly SnoozedOn);

public sealed record AcknowledgeReminder(long ExpectedVersion);

public sealed record SnoozeReminder(long ExpectedVersion, DateOnly Until);

/// <summary>One reminder as sent, and what its recipient did with it.</summary>
public sealed partial record Reminder
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public Guid StreamId { get; init; }
    public string Reference { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public ReminderStep Step { get; init; }
    public string Role { get; init; } = "";
    public string? Recipient { get; init; }
    public bool Mailed { get; init; }
    public DateOnly SentOn { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    public DateOnly? SnoozedUntil { get; init; }

    /// <summary>Marten's stream version, so readers know what to send as the expected version.</summary>
    public long Version { get; set; }

    public static Reminder Create(IEvent<ReminderSent> e) => new()
    {
        Id = e.StreamId,
        Kind = e.Data.Kind,
        StreamId = e.Data.StreamId,
        Reference = e.Data.Reference,
        DueOn = e.Data.DueOn,
        Step = e.Data.Step,
        Role = e.Data.Role,
        Recipient = e.Data.Recipient,
        Mailed = e.Data.Mailed,
        SentOn = e.Data.SentOn
    };

    public Reminder Apply(ReminderAcknowledged e) => this with { AcknowledgedOn = e.AcknowledgedOn };

    public Reminder Apply(ReminderSnoozed e) => this with { SnoozedUntil = e.Until };

    /// <summary>Whether it is on its recipient's list today: not acknowledged, and not put off beyond today.</summary>
    public bool IsOpenOn(DateOnly today) => AcknowledgedOn is null && (SnoozedUntil is not { } until || until <= today);
}

public static class ReminderDecisions
{
    private static RuleViolation? StillOpen(Reminder state) =>
        state.AcknowledgedOn is { } on
            ? new RuleViolation("reminder-acknowledged", $"The reminder was acknowledged on {on:yyyy-MM-dd}; there is nothing left to do with it.")
            : null;

    public static RuleViolation? CheckAcknowledgement(Reminder state) => StillOpen(state);

    public static ReminderAcknowledged Acknowledge(Reminder state, DateTimeOffset now)
    {
        Rules.Ensure(CheckAcknowledgement(state));
        return new ReminderAcknowledged(state.Id, Rules.Today(now));
    }

    public static RuleViolation? CheckSnooze(SnoozeReminder command, Reminder state, DateTimeOffset now) => Rules.First(
        () => StillOpen(state),
        () => command.Until <= Rules.Today(now)
            ? new RuleViolation("snooze-not-after-today", $"A reminder is put off to a later day than today ({Rules.Today(now):yyyy-MM-dd}), not {command.Until:yyyy-MM-dd}.")
            : null);

    public static ReminderSnoozed Snooze(SnoozeReminder command, Reminder state, DateTimeOffset now)
    {
        Rules.Ensure(CheckSnooze(command, state, now));
        return new ReminderSnoozed(state.Id, command.Until, Rules.Today(now));
    }
}

public static class ReminderEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(ReminderRulesChanged)] = "reminder_rules_changed",
        [typeof(ReminderSent)] = "reminder_sent",
        [typeof(ReminderAcknowledged)] = "reminder_acknowledged",
        [typeof(ReminderSnoozed)] = "reminder_snoozed",
        [typeof(DigestSent)] = "digest_sent"
    };
}
