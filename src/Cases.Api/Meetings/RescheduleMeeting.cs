using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class RescheduleMeetingEndpoint
{
    public static ProblemDetails Validate(RescheduleMeeting command, IEventStream<Meeting> stream) =>
        MeetingChecks.Answer(new FieldErrors()
                .Text("reason", command.Reason, FieldErrors.LongText)
                .Text("place", command.Place, required: false)
                .When(command.ScheduledFor.Year < 2000, "scheduledFor", "Must be in 2000 or later."),
            command.ExpectedVersion, stream, RescheduleMeetingDecision.Check);

    [WolverinePost("/api/meetings/{meetingId}/rescheduling", OperationId = "RescheduleMeeting")]
    [EndpointSummary("Reschedule a meeting")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RescheduleMeeting command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, RequestTime time) =>
        Written.Append(stream, RescheduleMeetingDecision.Decide(command with { ScheduledFor = time.InZone(command.ScheduledFor) }, stream.Aggregate!));
}
