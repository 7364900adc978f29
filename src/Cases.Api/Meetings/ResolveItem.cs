using Wolverine;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

/// <summary>The vote's outcome; an adopted proposal names its protocol decision and where to follow its execution.</summary>
public sealed record ItemResolvedResponse(Guid MeetingId, long Version, int ItemNumber, bool Adopted, int For, int Against,
    int Abstained, bool CastingVoteUsed, Guid? DecisionId, string? ProtocolNumber);

[Tags(ApiTags.Meetings)]
public static class ResolveItemEndpoint
{
    public static ProblemDetails Validate(ResolveItem command, IEventStream<Meeting> stream, RequestTime time) =>
        MeetingChecks.Answer(new FieldErrors()
                .Text("text", command.Text, FieldErrors.LongText)
                .Text("executor.name", command.Executor.Name)
                .Text("executor.organisation", command.Executor.Organisation, required: false)
                .WithinTenYears("dueDate", command.DueDate, time.Today),
            command.ExpectedVersion, stream, state => ResolveItemDecision.Check(command, state));

    /// <summary>
    /// Puts an item to the vote. An adopted decision starts its own stream, and a durable message is scheduled for the
    /// end of its due date to find it overdue if it is not executed by then.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/resolutions", OperationId = "ResolveItem")]
    [EndpointSummary("Resolve an agenda item")]
    [Authorize(Roles = Roles.Secretary)]
    public static (ItemResolvedResponse, IMartenOp, OutgoingMessages) Post(ResolveItem command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary,
        RequestTime time)
    {
        var (resolved, adopted) = ResolveItemDecision.Decide(command, stream.Aggregate!, Guid.CreateVersion7());
        stream.AppendOne(resolved);
        var response = new ItemResolvedResponse(stream.Id, stream.CurrentVersion!.Value, resolved.ItemNumber, resolved.Adopted,
            resolved.For, resolved.Against, resolved.Abstained, resolved.CastingVoteUsed, resolved.DecisionId, resolved.ProtocolNumber);
        return adopted is null
            ? (response, MartenOps.Nothing(), [])
            : (response, MartenOps.StartStream<ProtocolDecision>(adopted.DecisionId, adopted),
                [DecisionDeadlines.CheckAtEndOf(adopted.DecisionId, adopted.DueDate, time)]);
    }
}
