using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class SignMinutesEndpoint
{
    public static ProblemDetails Validate(SignMinutes command, IEventStream<Meeting> stream, RequestTime time) =>
        MeetingChecks.Answer(new FieldErrors().NotInFuture("signedOn", command.SignedOn, time.Today),
            command.ExpectedVersion, stream, state => SignMinutesDecision.Check(command, state, time.Now));

    /// <summary>Closes the meeting: from now on its record changes only by corrections.</summary>
    [WolverinePost("/api/meetings/{meetingId}/signature", OperationId = "SignMinutes")]
    [EndpointSummary("Sign the minutes")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(SignMinutes command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, RequestTime time) =>
        Written.Append(stream, SignMinutesDecision.Decide(command, stream.Aggregate!, time.Now));
}
