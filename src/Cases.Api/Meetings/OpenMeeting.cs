using Cases.Domain.Meetings;
using Marten;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class OpenMeetingEndpoint
{
    public static MeetingFacts Load(Guid meetingId, IDocumentSession session) => MeetingFacts.For(meetingId, session);

    public static Task<MeetingContext> LoadAsync(IEventStream<Meeting> stream, MeetingFacts.Found found, IDocumentSession session, CancellationToken ct) =>
        MeetingContext.LoadAsync(stream.Aggregate!, found, session, ct);

    public static ProblemDetails Validate(OpenMeeting command, IEventStream<Meeting> stream, MeetingContext context, RequestTime time) =>
        MeetingChecks.Answer(new FieldErrors().NotInFuture("heldOn", command.HeldOn, time.Today),
            command.ExpectedVersion, stream, state => OpenMeetingDecision.Check(command, state, context.Commission, time.Now));

    /// <summary>
    /// Opens the meeting with a quorum, numbers it in its commission's year, and recuses, item by item, the members
    /// present whom a case concerns.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/opening", OperationId = "OpenMeeting")]
    [EndpointSummary("Open a meeting")]
    [Authorize(Roles = Roles.Secretary)]
    public static async Task<Written> Post(OpenMeeting command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary, MeetingContext context, RequestTime time,
        IDocumentSession session, CancellationToken ct)
    {
        var year = OpenMeetingDecision.HeldOn(command, time.Now).Year;
        var number = await Numbering.NextAsync(session, Numbering.MeetingSeries(stream.Aggregate!.CommissionId), year, ct);
        return Written.Append(stream, OpenMeetingDecision.Decide(command, stream.Aggregate!, context.Commission, time.Now, context.Parties, number));
    }
}
