using Cases.Domain.Commissions;

namespace Cases.Domain.Meetings;

public sealed record OpenMeeting(long ExpectedVersion, DateOnly? HeldOn = null);

public static class OpenMeetingDecision
{
    public static IReadOnlyList<SittingMember> InOffice(Commission commission, DateOnly day) =>
        commission.InOffice(day).Select(m => new SittingMember(m.PersonnelNumber, m.FullName, m.UserName, m.Role, m.Position)).ToArray();

    public static DateOnly HeldOn(OpenMeeting command, DateTimeOffset now) => command.HeldOn ?? Rules.Today(now);

    public static RuleViolation? Check(OpenMeeting command, Meeting state, Commission commission, DateTimeOffset now)
    {
        var heldOn = HeldOn(command, now);
        var voting = InOffice(commission, heldOn).Where(m => m.Votes).ToArray();
        var required = Quorum.Required(commission.Quorum, voting.Length);
        var present = voting.Count(m => state.Present.Contains(m.PersonnelNumber));
        return Rules.First(
            () => MeetingRules.StillScheduled(state),
            () => heldOn == state.ScheduledOn
                ? null
                : new RuleViolation("not-the-scheduled-day",
                    $"Meeting {state.Reference} is scheduled for {state.ScheduledOn:yyyy-MM-dd}, not {heldOn:yyyy-MM-dd}; reschedule it first."),
            () => present < required
                ? new RuleViolation("no-quorum",
                    $"{present} of the {voting.Length} voting members in office are present; {commission.Name} needs {required} to open a meeting.")
                : null);
    }

    /// <param name="number">The meeting's number in its commission's year of <see cref="HeldOn"/>.</param>
    public static IReadOnlyList<object> Decide(OpenMeeting command, Meeting state, Commission commission, DateTimeOffset now,
        IReadOnlyDictionary<int, CaseParties> parties, int number)
    {
        Rules.Ensure(Check(command, state, commission, now));
        var heldOn = HeldOn(command, now);
        var inOffice = InOffice(commission, heldOn);
        var opened = new MeetingOpened(state.Id, number, heldOn, inOffice,
            Quorum.Required(commission.Quorum, inOffice.Count(m => m.Votes)), commission.Majority, commission.ChairHasCastingVote);
        var open = state.Apply(opened);
        return [opened, .. CaseParties.Recusals(open, inOffice.Where(m => state.Present.Contains(m.PersonnelNumber)), parties)];
    }
}
