namespace Cases.Domain.MobileGroups;

/// <summary>A visit as the schedule proposes it.</summary>
public sealed record ProposedVisit(DateOnly Date, string Place, string Topic);

public sealed record ApproveVisitSchedule(long ExpectedVersion, DateOnly ApprovedOn, string ApprovedBy, IReadOnlyList<ProposedVisit> Visits);

public static class ApproveVisitScheduleDecision
{
    /// <summary>
    /// A group's schedule is approved once, no earlier than the group was formed, and plans no visit before the group
    /// starts working.
    /// </summary>
    public static RuleViolation? Check(ApproveVisitSchedule command, MobileGroup state) => Rules.First(
        () => MobileGroupRules.NotDisbanded(state),
        () => state.ScheduleApprovedOn is { } approved
            ? new RuleViolation("schedule-already-approved", $"The group's schedule was approved on {approved:yyyy-MM-dd}.")
            : null,
        () => MobileGroupRules.NotBeforeFormation(command.ApprovedOn, state, "approval"),
        () => command.Visits.Select(v => v.Date).Where(d => d < state.StartsOn).Order().FirstOrDefault() is var early && early != default
            ? new RuleViolation("planned-visit-before-start",
                $"A visit is planned on {early:yyyy-MM-dd}, before the group starts working on {state.StartsOn:yyyy-MM-dd}.")
            : null);

    public static VisitScheduleApproved Decide(ApproveVisitSchedule command, MobileGroup state)
    {
        Rules.Ensure(Check(command, state));
        return new VisitScheduleApproved(state.Id, command.ApprovedOn, command.ApprovedBy.Trim(),
        [
            .. command.Visits.OrderBy(v => v.Date).Select((v, i) => new PlannedVisit(i + 1, v.Date, v.Place.Trim(), v.Topic.Trim()))
        ]);
    }
}
