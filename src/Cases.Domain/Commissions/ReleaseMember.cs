namespace Cases.Domain.Commissions;

/// <summary>Ends a member's time in office; <see cref="Until"/> is their last day, defaulting to today.</summary>
public sealed record ReleaseMember(long ExpectedVersion, string PersonnelNumber, DateOnly? Until = null);

public static class ReleaseMemberDecision
{
    public static RuleViolation? Check(ReleaseMember command, Commission state, DateTimeOffset now) =>
        state.CurrentMembership(command.PersonnelNumber.Trim()) is not { } current
            ? new RuleViolation("not-a-member", $"{command.PersonnelNumber.Trim()} does not sit on {state.Name}.")
            : Rules.NotBefore(command.Until ?? Rules.Today(now), current.From, "release", "appointment");

    public static CommissionMemberReleased Decide(ReleaseMember command, Commission state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CommissionMemberReleased(state.Id, command.PersonnelNumber.Trim(), command.Until ?? Rules.Today(now));
    }
}
