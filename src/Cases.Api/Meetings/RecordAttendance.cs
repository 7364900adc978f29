using Cases.Domain.Meetings;
using Marten;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class RecordAttendanceEndpoint
{
    public static MeetingFacts Load(Guid meetingId, IDocumentSession session) => MeetingFacts.For(meetingId, session);

    public static Task<MeetingContext> LoadAsync(IEventStream<Meeting> stream, MeetingFacts.Found found, IDocumentSession session, CancellationToken ct) =>
        MeetingContext.LoadAsync(stream.Aggregate!, found, session, ct);

    public static ProblemDetails Validate(RecordAttendance command, IEventStream<Meeting> stream, MeetingContext context) =>
        MeetingChecks.Answer(new FieldErrors().PersonnelNumbers("present", command.Present, maxCount: 100),
            command.ExpectedVersion, stream, state => RecordAttendanceDecision.Check(command, state, context.InOffice(state)));

    [WolverinePost("/api/meetings/{meetingId}/attendance", OperationId = "RecordAttendance")]
    [EndpointSummary("Record who is present")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RecordAttendance command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, MeetingContext context) =>
        Written.Append(stream, RecordAttendanceDecision.Decide(command, stream.Aggregate!, context.InOffice(stream.Aggregate!), context.Parties));
}
