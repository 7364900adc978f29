using System.Security.Claims;
using Cases.Domain.Reminders;

namespace Cases.Api.Reminders;

[Tags(ApiTags.Reminders)]
public static class AcknowledgeReminderEndpoint
{
    public static ProblemDetails Validate(AcknowledgeReminder command, IEventStream<Reminder> stream, ClaimsPrincipal user) =>
        ListMyRemindersEndpoint.IsFor(stream.Aggregate!, user)
            ? StreamChecks.Answer(new FieldErrors(), command.ExpectedVersion, stream, _ => "The reminder", ReminderDecisions.CheckAcknowledgement)
            : ListMyRemindersEndpoint.NotFound(stream.Id);

    /// <summary>Takes note of one of the caller's reminders: it leaves their list.</summary>
    [WolverinePost("/api/me/reminders/{reminderId}/acknowledgement", OperationId = "AcknowledgeReminder")]
    [EndpointSummary("Acknowledge one of my reminders")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.ReminderRecipients)]
    public static Written Post(AcknowledgeReminder command,
        [WriteAggregate("reminderId", MissingMessage = ListMyRemindersEndpoint.Missing)] IEventStream<Reminder> stream, RequestTime time) =>
        Written.Append(stream, ReminderDecisions.Acknowledge(stream.Aggregate!, time.Now));
}
