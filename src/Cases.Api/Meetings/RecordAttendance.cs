using Cases.Domain.Meetings;
using Marten;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class RecordAttendanceEndpoint
{
    public static Task<MeetingContext> LoadAsync(IEventStream<Meeting> stream, IDocumentSession session, CancellationToken ct) =>
        MeetingContext.LoadAsync(stream.Aggregate!, session, ct);

    public static ProblemDetails Validate(RecordAttendance command, IEventStream<Meeting> stream, MeetingContext context) =>
        MeetingChecks.Answer(new FieldErrors().PersonnelNumbers("present", command.Present, maxCount: 100),
            command.ExpectedVersion, stream, state => RecordAttendanceDecision.Check(command, state, context.InOffice(state)));

    [WolverinePost("/api/meetings/{meetingId}/attendance", OperationId = "RecordAttendance")]
    [EndpointSummary("Record who is present")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RecordAttendance command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, MeetingContext context) =>
        Written.Append(stream, RecordAttendanceDecision.Decide(command, stream.Aggregate!, context.InOffice(stream.Aggregate!), context.Parties));
}
