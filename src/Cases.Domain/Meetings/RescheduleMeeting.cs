namespace Cases.Domain.Meetings;

public sealed record RescheduleMeeting(long ExpectedVersion, DateTimeOffset ScheduledFor, string Reason, string? Place = null);

public static class RescheduleMeetingDecision
{
    public static RuleViolation? Check(Meeting state) => MeetingRules.StillScheduled(state);

    public static MeetingRescheduled Decide(RescheduleMeeting command, Meeting state)
    {
        Rules.Ensure(Check(state));
        return new MeetingRescheduled(state.Id, command.ScheduledFor, command.Place?.Trim() ?? state.Place, command.Reason.Trim());
    }
}
