namespace Cases.Domain.Meetings;

/// <summary>A member's conflict of interest on an item, declared by the member or found by the commission.</summary>
public sealed record RecordConflict(long ExpectedVersion, int ItemNumber, string PersonnelNumber, RecusalGround Ground, string Reason);

public static class RecordConflictDecision
{
    public static RuleViolation? Check(RecordConflict command, Meeting state)
    {
        var member = command.PersonnelNumber.Trim();
        return Rules.First(
            () => MeetingRules.InSession(state),
            () => MeetingRules.OpenItem(state, command.ItemNumber),
            () => MeetingRules.Sits(state, member),
            () => state.IsRecused(command.ItemNumber, member)
                ? new RuleViolation("already-recused", $"{member} is already recused from item {command.ItemNumber}.")
                : null,
            () => state.VoteOf(command.ItemNumber, member) is not null
                ? new RuleViolation("vote-already-cast", $"{member} has already voted on item {command.ItemNumber}; a conflict must be raised before the vote.")
                : null);
    }

    public static MemberRecused Decide(RecordConflict command, Meeting state)
    {
        Rules.Ensure(Check(command, state));
        return new MemberRecused(state.Id, command.ItemNumber, command.PersonnelNumber.Trim(), command.Ground, command.Reason.Trim());
    }
}
