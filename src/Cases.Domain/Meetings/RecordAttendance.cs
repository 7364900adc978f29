namespace Cases.Domain.Meetings;

/// <summary>Everyone present from now on, by personnel number; members arriving late or leaving are recorded again.</summary>
public sealed record RecordAttendance(long ExpectedVersion, IReadOnlyList<string> Present);

public static class RecordAttendanceDecision
{
    /// <param name="inOffice">The commission's members in office on the meeting's day.</param>
    public static RuleViolation? Check(RecordAttendance command, Meeting state, IReadOnlyList<SittingMember> inOffice) => Rules.First(
        () => MeetingRules.NotEnded(state),
        () => command.Present.Select(p => p.Trim()).FirstOrDefault(p => inOffice.All(m => m.PersonnelNumber != p)) is { } stranger
            ? new RuleViolation("not-a-member", $"{stranger} is not a member of the commission in office on {state.HeldOn ?? state.ScheduledOn:yyyy-MM-dd}.")
            : null);

    /// <summary>Attendance, and the automatic recusals of members who arrive at a meeting in session.</summary>
    public static IReadOnlyList<object> Decide(RecordAttendance command, Meeting state, IReadOnlyList<SittingMember> inOffice,
        IReadOnlyDictionary<int, CaseParties> parties)
    {
        Rules.Ensure(Check(command, state, inOffice));
        var present = command.Present.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        List<object> events = [new AttendanceRecorded(state.Id, present)];
        if (state.IsOpen)
        {
            events.AddRange(CaseParties.Recusals(state, inOffice.Where(m => present.Contains(m.PersonnelNumber)), parties));
        }
        return events;
    }
}
