using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class CastVotesEndpoint
{
    public static ProblemDetails Validate(CastVotes command, IEventStream<Meeting> stream)
    {
        var fields = new FieldErrors()
            .When(command.Votes.Count is 0 or > 100, "votes", "Between 1 and 100 items.")
            .When(command.Votes.Any(v => v is null), "votes", "Must not contain null.");
        if (fields.Any) return fields.ToProblem();
        fields.When(command.Votes.GroupBy(v => v.PersonnelNumber?.Trim()).Any(g => g.Count() > 1), "votes", "Each member votes once.");
        for (var i = 0; i < command.Votes.Count; i++) fields.PersonnelNumber($"votes[{i}].personnelNumber", command.Votes[i].PersonnelNumber);
        return MeetingChecks.Answer(fields, command.ExpectedVersion, stream, state => CastVotesDecision.Check(command, state));
    }

    [WolverinePost("/api/meetings/{meetingId}/votes", OperationId = "CastVotes")]
    [EndpointSummary("Cast votes on an item")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(CastVotes command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary) =>
        Written.Append(stream, CastVotesDecision.Decide(command, stream.Aggregate!));
}
