namespace Cases.Domain.Meetings;

/// <summary>Puts the proposal on an item to the vote: the decision it would adopt, its executor and due date.</summary>
public sealed record ResolveItem(
    long ExpectedVersion,
    int ItemNumber,
    DecisionKind Kind,
    string Text,
    Executor Executor,
    DateOnly DueDate);

/// <summary>The vote's outcome on the meeting, and the protocol decision it adopted, if it did.</summary>
public sealed record Resolution(ItemResolved Resolved, DecisionAdopted? Adopted);

public static class ResolveItemDecision
{
    public static string ProtocolNumber(Meeting meeting, int item) => $"{meeting.Reference}-{item}";

    public static RuleViolation? Check(ResolveItem command, Meeting state) => Rules.First(
        () => MeetingRules.InSession(state),
        () => MeetingRules.OpenItem(state, command.ItemNumber),
        () => Rules.NotBefore(command.DueDate, state.HeldOn!.Value, "due", "meeting"),
        () => state.EligibleVoters(command.ItemNumber).Count is var eligible && eligible < state.QuorumRequired
            ? new RuleViolation("no-quorum",
                $"Only {eligible} members present may vote on item {command.ItemNumber}; the commission needs {state.QuorumRequired}.")
            : null,
        () => state.EligibleVoters(command.ItemNumber).FirstOrDefault(m => state.VoteOf(command.ItemNumber, m.PersonnelNumber) is null) is { } silent
            ? new RuleViolation("votes-missing", $"{silent.FullName} has not voted on item {command.ItemNumber}; record a vote or an abstention.")
            : null);

    public static Resolution Decide(ResolveItem command, Meeting state, Guid decisionId)
    {
        Rules.Ensure(Check(command, state));
        var item = state.Item(command.ItemNumber)!;
        var eligible = state.EligibleVoters(item.Number);
        var votes = eligible.Select(m => state.VoteOf(item.Number, m.PersonnelNumber)!.Vote).ToArray();
        var chair = eligible.FirstOrDefault(m => m.Role == Commissions.MemberRole.Chair);
        var tally = Quorum.Count(state.Majority, eligible.Count, votes,
            chair is null ? null : state.VoteOf(item.Number, chair.PersonnelNumber)!.Vote, state.ChairHasCastingVote);
        if (!tally.Adopted)
        {
            return new Resolution(new ItemResolved(state.Id, item.Number, false, tally.For, tally.Against, tally.Abstained,
                tally.CastingVoteUsed, null, null), null);
        }
        var number = ProtocolNumber(state, item.Number);
        var executor = command.Executor with { Name = command.Executor.Name.Trim(), Organisation = command.Executor.Organisation?.Trim() };
        return new Resolution(
            new ItemResolved(state.Id, item.Number, true, tally.For, tally.Against, tally.Abstained, tally.CastingVoteUsed, decisionId, number),
            new DecisionAdopted(decisionId, state.Id, state.CommissionId, number, item.Number, command.Kind, command.Text.Trim(),
                item.CaseId, item.CaseNumber, executor, command.DueDate, state.HeldOn!.Value));
    }
}
