using System.Security.Claims;
using Cases.Domain.Reminders;
using Marten;

namespace Cases.Api.Reminders;

/// <summary>A reminder as its recipient reads it: the record's reference and id, the kind of deadline, its last day, the step.</summary>
public sealed record ReminderRead(Guid Id, string Kind, Guid StreamId, string Reference, DateOnly DueOn, ReminderStep Step, string Role,
    bool Personal, DateOnly SentOn, DateOnly? SnoozedUntil, long Version);

[Tags(ApiTags.Reminders)]
public static class ListMyRemindersEndpoint
{
    public const int MaxItems = 500;

    /// <summary>
    /// The caller's open reminders, earliest deadline first: those sent to them by name, and those sent to a role they
    /// hold (when nobody of it is named in the notification settings). Acknowledged ones, and those snoozed past today, are left out.
    /// </summary>
    [WolverineGet("/api/me/reminders", OperationId = "ListMyReminders")]
    [EndpointSummary("List my reminders")]
    [Authorize(Roles = Roles.ReminderRecipients)]
    public static async Task<IReadOnlyList<ReminderRead>> Get(IQuerySession session, ClaimsPrincipal user, RequestTime time, CancellationToken ct)
    {
        var today = time.Today;
        var name = user.FindFirst(CasesClaims.Subject)?.Value ?? "";
        var roles = Roles.ReminderRecipients.Split(',').Where(user.IsInRole).ToArray();
        var reminders = await session.Query<Reminder>()
            .Where(r => r.AcknowledgedOn == null && (r.SnoozedUntil == null || r.SnoozedUntil <= today))
            .Where(r => r.Recipient == name || (r.Recipient == null && r.Role.IsOneOf(roles)))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Reference).Take(MaxItems).ToListAsync(ct);
        return reminders.Select(Read).ToArray();
    }

    public static ReminderRead Read(Reminder r) =>
        new(r.Id, r.Kind, r.StreamId, r.Reference, r.DueOn, r.Step, r.Role, r.Recipient is not null, r.SentOn, r.SnoozedUntil, r.Version);

    /// <summary>Whether the reminder is the caller's: sent to them, or to a role they hold.</summary>
    public static bool IsFor(Reminder reminder, ClaimsPrincipal user) =>
        reminder.Recipient is { } recipient
            ? recipient == user.FindFirst(CasesClaims.Subject)?.Value
            : user.IsInRole(reminder.Role);

    /// <summary>Another person's reminder is as unknown as one never sent.</summary>
    public static ProblemDetails NotFound(Guid id) =>
        new() { Status = StatusCodes.Status404NotFound, Detail = $"Reminder {id} was not found." };

    public const string Missing = "Reminder {Id} was not found.";
}
