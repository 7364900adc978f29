namespace Cases.Domain.MobileGroups;

public sealed record RecordGroupVisit(long ExpectedVersion, DateOnly HeldOn, string Place, string Checked, int? PlannedVisit = null,
    IReadOnlyList<VisitFinding>? Findings = null);

public static class RecordGroupVisitDecision
{
    /// <summary>
    /// A visit is held once the group has started working and until it is disbanded; a planned one carries out a visit
    /// of the approved schedule, once.
    /// </summary>
    public static RuleViolation? Check(RecordGroupVisit command, MobileGroup state) => Rules.First(
        () => MobileGroupRules.NotDisbanded(state),
        () => command.HeldOn < state.StartsOn
            ? new RuleViolation("visit-before-start",
                $"The visit of {command.HeldOn:yyyy-MM-dd} is before the group starts working on {state.StartsOn:yyyy-MM-dd}.")
            : null,
        () => command.PlannedVisit is { } number && state.Planned.All(p => p.Number != number)
            ? new RuleViolation("no-such-planned-visit", state.ScheduleApprovedOn is null
                ? "The group has no approved schedule: record the visit as unplanned."
                : $"The approved schedule has no visit {number}.")
            : null,
        () => command.PlannedVisit is { } held && state.PlannedHeld.Contains(held)
            ? new RuleViolation("planned-visit-already-held", $"Planned visit {held} has already been held.")
            : null);

    public static GroupVisitHeld Decide(RecordGroupVisit command, MobileGroup state)
    {
        Rules.Ensure(Check(command, state));
        return new GroupVisitHeld(state.Id, state.VisitsHeld + 1, command.HeldOn, command.Place.Trim(), command.Checked.Trim(), command.PlannedVisit,
            [.. (command.Findings ?? []).Select(f => f with { Description = f.Description.Trim(), ReferredTo = f.ReferredTo?.Trim() })]);
    }
}
