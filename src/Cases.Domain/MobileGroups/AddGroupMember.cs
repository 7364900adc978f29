namespace Cases.Domain.MobileGroups;

public sealed record AddGroupMember(long ExpectedVersion, GroupMember Member, DateOnly JoinedOn);

public static class AddGroupMemberDecision
{
    /// <summary>A person joins a group not disbanded, once, with one head at a time, no earlier than it was formed.</summary>
    public static RuleViolation? Check(AddGroupMember command, MobileGroup state) => Rules.First(
        () => MobileGroupRules.NotDisbanded(state),
        () => state.Member(command.Member.FullName) is { } already
            ? new RuleViolation("member-already-in-group", $"{already.FullName} ({already.Body}) is already a member of the group.")
            : null,
        () => MobileGroupRules.OneHead(state, command.Member),
        () => MobileGroupRules.NotBeforeFormation(command.JoinedOn, state, "joining"));

    public static GroupMemberJoined Decide(AddGroupMember command, MobileGroup state)
    {
        Rules.Ensure(Check(command, state));
        return new GroupMemberJoined(state.Id, FormMobileGroupDecision.Trimmed(command.Member), command.JoinedOn);
    }
}
