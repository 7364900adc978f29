namespace Cases.Domain.MobileGroups;

public sealed record ReleaseGroupMember(long ExpectedVersion, string FullName, DateOnly LeftOn, string? Reason = null);

public static class ReleaseGroupMemberDecision
{
    /// <summary>A current member leaves a group not disbanded, no earlier than it was formed.</summary>
    public static RuleViolation? Check(ReleaseGroupMember command, MobileGroup state) => Rules.First(
        () => MobileGroupRules.NotDisbanded(state),
        () => state.Member(command.FullName) is null
            ? new RuleViolation("not-a-group-member", $"{command.FullName.Trim()} is not a member of the group.")
            : null,
        () => MobileGroupRules.NotBeforeFormation(command.LeftOn, state, "leaving"));

    public static GroupMemberLeft Decide(ReleaseGroupMember command, MobileGroup state)
    {
        Rules.Ensure(Check(command, state));
        return new GroupMemberLeft(state.Id, state.Member(command.FullName)!.FullName, command.LeftOn,
            command.Reason?.Trim() is { Length: > 0 } reason ? reason : null);
    }
}
