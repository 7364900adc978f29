using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class CancelMeetingEndpoint
{
    public static ProblemDetails Validate(CancelMeeting command, IEventStream<Meeting> stream, RequestTime time) =>
        MeetingChecks.Answer(new FieldErrors()
                .Text("reason", command.Reason, FieldErrors.LongText)
                .NotInFuture("cancelledOn", command.CancelledOn, time.Today),
            command.ExpectedVersion, stream, CancelMeetingDecision.Check);

    [WolverinePost("/api/meetings/{meetingId}/cancellation", OperationId = "CancelMeeting")]
    [EndpointSummary("Cancel a meeting")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(CancelMeeting command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, RequestTime time) =>
        Written.Append(stream, CancelMeetingDecision.Decide(command, stream.Aggregate!, time.Now));
}
