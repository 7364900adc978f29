namespace Cases.Domain.Meetings;

public sealed record SignMinutes(long ExpectedVersion, DateOnly? SignedOn = null);

public static class SignMinutesDecision
{
    public static RuleViolation? Check(SignMinutes command, Meeting state, DateTimeOffset now) => Rules.First(
        () => MeetingRules.InSession(state),
        () => Rules.NotBefore(command.SignedOn ?? Rules.Today(now), state.HeldOn!.Value, "signature", "meeting"));

    public static MinutesSigned Decide(SignMinutes command, Meeting state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new MinutesSigned(state.Id, command.SignedOn ?? Rules.Today(now));
    }
}
