namespace Cases.Domain.Meetings;

public sealed record CancelMeeting(long ExpectedVersion, string Reason, DateOnly? CancelledOn = null);

public static class CancelMeetingDecision
{
    public static RuleViolation? Check(Meeting state) => MeetingRules.StillScheduled(state);

    public static MeetingCancelled Decide(CancelMeeting command, Meeting state, DateTimeOffset now)
    {
        Rules.Ensure(Check(state));
        return new MeetingCancelled(state.Id, command.Reason.Trim(), command.CancelledOn ?? Rules.Today(now));
    }
}
