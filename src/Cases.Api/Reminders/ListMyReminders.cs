using System.Security.Claims;
using Cases.Domain.Reminders;
using Cases.Projections.Deadlines;
using Marten;

namespace Cases.Api.Reminders;

/// <summary>
/// A reminder as its recipient reads it: the record's reference and id, the kind of deadline, its last day, the step,
/// and whether its deadline still stands: the clock open on the day it named (an escalation its holder still has to see to).
/// </summary>
public sealed record ReminderRead(Guid Id, string Kind, Guid StreamId, string Reference, DateOnly DueOn, ReminderStep Step, string Role,
    bool Personal, DateOnly SentOn, DateOnly? SnoozedUntil, bool ClockOpen, long Version);

/// <summary>Optionally only the reminders of one step: <c>before</c>, <c>on-the-day</c> or <c>escalation</c>.</summary>
public sealed record MyRemindersQuery(string? Step = null);

[Tags(ApiTags.Reminders)]
public static class ListMyRemindersEndpoint
{
    public const int MaxItems = 500;

    public static ProblemDetails Validate(MyRemindersQuery query) => new FieldErrors().OneOf<ReminderStep>("step", query.Step).ToProblem();

    /// <summary>
    /// The caller's open reminders, earliest deadline first: those sent to them by name (the assignee of the record, or
    /// a person named in the notification settings) and those sent to everyone of the role, of the roles they hold;
    /// optionally of one step only (<c>escalation</c>: the escalations the caller holds). Acknowledged ones, and those
    /// snoozed past today, are left out; one whose deadline no longer stands (met, or moved to another day, of which a
    /// new reminder tells) stays until acknowledged, with <c>clockOpen</c> false, so its holder sees it seen to.
    /// </summary>
    [WolverineGet("/api/me/reminders", OperationId = "ListMyReminders")]
    [EndpointSummary("List my reminders")]
    [Authorize(Roles = Roles.ReminderRecipients)]
    public static async Task<IReadOnlyList<ReminderRead>> Get([FromQuery] MyRemindersQuery query, IQuerySession session, ClaimsPrincipal user,
        RequestTime time, OpenClocks openClocks, CancellationToken ct)
    {
        var today = time.Today;
        var name = user.FindFirst(CasesClaims.Subject)?.Value ?? "";
        var roles = Roles.ReminderRecipients.Split(',').Where(user.IsInRole).ToArray();
        var mine = session.Query<Reminder>()
            .Where(r => r.AcknowledgedOn == null && (r.SnoozedUntil == null || r.SnoozedUntil <= today))
            .Where(r => r.Role.IsOneOf(roles) && (r.Recipient == name || r.Recipient == null));
        if (KebabEnum.Parse<ReminderStep>(query.Step) is { } step) mine = mine.Where(r => r.Step == step);
        var reminders = await mine.OrderBy(r => r.DueOn).ThenBy(r => r.Reference).Take(MaxItems).ToListAsync(ct);
        var open = await StillOpenAsync(session, openClocks, reminders, today, ct);
        return reminders.Select(r => Read(r, open.Contains(r.Id))).ToArray();
    }

    /// <summary>
    /// The reminders whose deadline still stands as the deadline watch counts it now: the clock open, on the day the
    /// reminder named (a clock moved since, or an ongoing plan item's next period, is another deadline). The daemon that
    /// projects the deadlines is waited for, so a clock closed by a fact recorded before the question reads closed.
    /// </summary>
    private static async Task<IReadOnlySet<Guid>> StillOpenAsync(IQuerySession session, OpenClocks openClocks, IReadOnlyList<Reminder> reminders,
        DateOnly today, CancellationToken ct)
    {
        if (reminders.Count == 0) return new HashSet<Guid>();
        // Only the reminders' kinds, up to their latest day: a clock due later is another deadline than any of theirs.
        var kinds = reminders.Select(r => KebabEnum.Parse<DeadlineKind>(r.Kind)).OfType<DeadlineKind>().Distinct().ToArray();
        var clocks = await openClocks.ListAsync(session, today, reminders.Max(r => r.DueOn), kinds, ct);
        return reminders.Where(r => clocks.Any(c => c.StreamId == r.StreamId && c.DueOn == r.DueOn && DueReminders.IsOf(r, session.TenantId, c.Id)))
            .Select(r => r.Id).ToHashSet();
    }

    public static ReminderRead Read(Reminder r, bool clockOpen) =>
        new(r.Id, r.Kind, r.StreamId, r.Reference, r.DueOn, r.Step, r.Role, r.Recipient is not null, r.SentOn, r.SnoozedUntil, clockOpen, r.Version);

    /// <summary>
    /// Whether the reminder is the caller's: sent to them or to everyone of the role, and the role theirs still (someone
    /// moved to other work no longer reads what the old work's reminders name).
    /// </summary>
    public static bool IsFor(Reminder reminder, ClaimsPrincipal user) =>
        user.IsInRole(reminder.Role) && (reminder.Recipient is not { } recipient || recipient == user.FindFirst(CasesClaims.Subject)?.Value);

    /// <summary>Another person's reminder is as unknown as one never sent.</summary>
    public static ProblemDetails NotFound(Guid id) =>
        new() { Status = StatusCodes.Status404NotFound, Detail = $"Reminder {id} was not found." };

    public const string Missing = "Reminder {Id} was not found.";
}
