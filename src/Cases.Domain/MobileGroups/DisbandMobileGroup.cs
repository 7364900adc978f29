namespace Cases.Domain.MobileGroups;

public sealed record DisbandMobileGroup(long ExpectedVersion, DateOnly DisbandedOn, string Reason);

public static class DisbandMobileGroupDecision
{
    /// <summary>A group is disbanded once, no earlier than it was formed nor than its last visit.</summary>
    public static RuleViolation? Check(DisbandMobileGroup command, MobileGroup state) => Rules.First(
        () => MobileGroupRules.NotDisbanded(state),
        () => MobileGroupRules.NotBeforeFormation(command.DisbandedOn, state, "disbandment"),
        () => state.LastVisitOn is { } last ? Rules.NotBefore(command.DisbandedOn, last, "disbandment", "last visit") : null);

    public static MobileGroupDisbanded Decide(DisbandMobileGroup command, MobileGroup state)
    {
        Rules.Ensure(Check(command, state));
        return new MobileGroupDisbanded(state.Id, command.DisbandedOn, command.Reason.Trim());
    }
}
