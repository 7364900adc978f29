using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class RecordHearingEndpoint
{
    public static ProblemDetails Validate(RecordHearing command, IEventStream<Meeting> stream) =>
        MeetingChecks.Answer(new FieldErrors()
                .When(command.ItemNumber < 1, "itemNumber", "Must be 1 or more.")
                .Text("fullName", command.FullName)
                .Text("position", command.Position)
                .Text("body", command.Body)
                .Text("subject", command.Subject, FieldErrors.LongText),
            command.ExpectedVersion, stream, state => RecordHearingDecision.Check(command, state));

    /// <summary>Records who was heard on an agenda item (name, position, body) and on what, while the meeting is in session.</summary>
    [WolverinePost("/api/meetings/{meetingId}/hearings", OperationId = "RecordHearing")]
    [EndpointSummary("Record a hearing on an agenda item")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RecordHearing command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary) =>
        Written.Append(stream, RecordHearingDecision.Decide(command, stream.Aggregate!));
}
