using System.Security.Claims;
using Cases.Domain.Reminders;

namespace Cases.Api.Reminders;

[Tags(ApiTags.Reminders)]
public static class SnoozeReminderEndpoint
{
    public const int MaxDays = 90;

    public static ProblemDetails Validate(SnoozeReminder command, IEventStream<Reminder> stream, ClaimsPrincipal user, RequestTime time) =>
        ListMyRemindersEndpoint.IsFor(stream.Aggregate!, user)
            ? StreamChecks.Answer(new FieldErrors().When(command.Until > time.Today.AddDays(MaxDays), "until", $"At most {MaxDays} days ahead."),
                command.ExpectedVersion, stream, _ => "The reminder", state => ReminderDecisions.CheckSnooze(command, state, time.Now))
            : ListMyRemindersEndpoint.NotFound(stream.Id);

    /// <summary>Puts one of the caller's reminders off until a later day, when it is on their list again.</summary>
    [WolverinePost("/api/me/reminders/{reminderId}/snooze", OperationId = "SnoozeReminder")]
    [EndpointSummary("Snooze one of my reminders")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.ReminderRecipients)]
    public static Written Post(SnoozeReminder command,
        [WriteAggregate("reminderId", MissingMessage = ListMyRemindersEndpoint.Missing)] IEventStream<Reminder> stream, RequestTime time) =>
        Written.Append(stream, ReminderDecisions.Snooze(command, stream.Aggregate!, time.Now));
}
