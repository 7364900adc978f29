using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class CorrectMinutesEndpoint
{
    public static ProblemDetails Validate(CorrectMinutes command, IEventStream<Meeting> stream, RequestTime time) =>
        MeetingChecks.Answer(new FieldErrors()
                .Text("correction", command.Correction, FieldErrors.LongText)
                .NotInFuture("correctedOn", command.CorrectedOn, time.Today),
            command.ExpectedVersion, stream, state => CorrectMinutesDecision.Check(command, state));

    [WolverinePost("/api/meetings/{meetingId}/corrections", OperationId = "CorrectMinutes")]
    [EndpointSummary("Correct the minutes")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(CorrectMinutes command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, RequestTime time) =>
        Written.Append(stream, CorrectMinutesDecision.Decide(command, stream.Aggregate!, time.Now));
}
