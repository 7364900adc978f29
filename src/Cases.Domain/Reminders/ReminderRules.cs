using JasperFx.Events;

namespace Cases.Domain.Reminders;

/// <summary>
/// When to remind of one kind of clock (<paramref name="WorkingDaysBefore"/> working days before its last day, and on
/// that day) and whom (a role), and to whom it is escalated from the day after, if anyone. Kinds are spelt as the
/// deadline watch spells them (<c>decision-execution</c>).
/// </summary>
public sealed record ReminderRule(string Kind, int WorkingDaysBefore, string Remind, string? EscalateTo);

/// <summary>The organisation changed the reminder rules of the kinds named; the other kinds keep theirs.</summary>
public sealed record ReminderRulesChanged(IReadOnlyList<ReminderRule> Rules, DateOnly ChangedOn);

public sealed record ChangeReminderRules(long ExpectedVersion, IReadOnlyList<ReminderRule> Rules);

/// <summary>What the service does unless the organisation decided otherwise: the people whose work each clock is.</summary>
public static class ReminderDefaults
{
    public const int MaxWorkingDaysBefore = 30;

    public static readonly IReadOnlyList<ReminderRule> All =
    [
        new("case-acknowledgement", 2, "registrar", "investigator"),
        new("complainant-feedback", 5, "investigator", "secretary"),
        // The employee has two working days to explain: one day's notice is all there is.
        new("explanation", 1, "investigator", "secretary"),
        new("sanction-imposition", 5, "hr", "secretary"),
        new("order-announcement", 1, "hr", "secretary"),
        // A sanction expires on its own: HR is told, nobody need act after.
        new("sanction-expiry", 3, "hr", null),
        new("decision-execution", 3, "secretary", "member"),
        // Opens only once the explanation's last day has passed with none, and is due the next working day: no day
        // before is left to remind on. The investigator draws the act up; the commission's secretary hears if not.
        new("act-of-refusal", 0, "investigator", "secretary"),
        // The compliance service keeps the plans and gathers the bodies' reports; internal audit hears of an item left undone.
        new("plan-item-due", 5, "compliance", "auditor"),
        // The data protection officer archives (the only role that may); internal audit hears of records kept too long.
        new("retention", 5, "dpo", "auditor")
    ];

    public static ReminderRule For(string kind) => All.First(r => r.Kind == kind);

    public static bool IsKnownKind(string kind) => All.Any(r => r.Kind == kind);
}

/// <summary>The organisation's reminder rules: those it set, over the defaults. One stream per organisation.</summary>
public sealed partial record OrganisationReminderRules
{
    public Guid Id { get; init; }
    public IReadOnlyDictionary<string, ReminderRule> Changed { get; init; } = new Dictionary<string, ReminderRule>();

    /// <summary>Marten's stream version, so readers know what to send as the expected version.</summary>
    public long Version { get; set; }

    public static OrganisationReminderRules Create(IEvent<ReminderRulesChanged> e) => new OrganisationReminderRules { Id = e.StreamId }.Apply(e.Data);

    public OrganisationReminderRules Apply(ReminderRulesChanged e)
    {
        var changed = new Dictionary<string, ReminderRule>(Changed);
        foreach (var rule in e.Rules) changed[rule.Kind] = rule;
        return this with { Changed = changed };
    }

    public ReminderRule For(string kind) => Changed.GetValueOrDefault(kind) ?? ReminderDefaults.For(kind);

    /// <summary>Every kind's rule in force, in the defaults' order.</summary>
    public IReadOnlyList<ReminderRule> InForce => ReminderDefaults.All.Select(r => For(r.Kind)).ToArray();

    public static OrganisationReminderRules Of(OrganisationReminderRules? rules) => rules ?? new OrganisationReminderRules();
}

public static class ChangeReminderRulesDecision
{
    public static RuleViolation? Check(ChangeReminderRules command, OrganisationReminderRules current) =>
        command.Rules.All(r => current.For(r.Kind) == r)
            ? new RuleViolation("reminder-rules-unchanged", "These are already the rules in force; nothing would change.")
            : null;

    public static ReminderRulesChanged Decide(ChangeReminderRules command, OrganisationReminderRules current, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, current));
        return new ReminderRulesChanged(command.Rules.Where(r => current.For(r.Kind) != r).ToArray(), Rules.Today(now));
    }
}
