namespace Cases.Domain.Meetings;

public sealed record MemberVote(string PersonnelNumber, Vote Vote);

/// <summary>The votes on one item, as the secretary records them; each member votes once.</summary>
public sealed record CastVotes(long ExpectedVersion, int ItemNumber, IReadOnlyList<MemberVote> Votes);

public static class CastVotesDecision
{
    public static RuleViolation? Check(CastVotes command, Meeting state) => Rules.First(
        [
            () => MeetingRules.InSession(state),
            () => MeetingRules.OpenItem(state, command.ItemNumber),
            .. command.Votes.Select(v => (Func<RuleViolation?>)(() => CheckVoter(state, command.ItemNumber, v.PersonnelNumber.Trim())))
        ]);

    private static RuleViolation? CheckVoter(Meeting state, int item, string member) => Rules.First(
        () => MeetingRules.Sits(state, member),
        () => state.Present.Contains(member)
            ? null
            : new RuleViolation("member-absent", $"{member} is not recorded as present."),
        () => state.IsRecused(item, member)
            ? new RuleViolation("member-recused", $"{member} is recused from item {item} and may not vote on it.")
            : null,
        () => state.VoteOf(item, member) is not null
            ? new RuleViolation("already-voted", $"{member} has already voted on item {item}.")
            : null);

    public static IReadOnlyList<VoteCast> Decide(CastVotes command, Meeting state)
    {
        Rules.Ensure(Check(command, state));
        return command.Votes.Select(v => new VoteCast(state.Id, command.ItemNumber, v.PersonnelNumber.Trim(), v.Vote)).ToArray();
    }
}
