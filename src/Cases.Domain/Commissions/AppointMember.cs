namespace Cases.Domain.Commissions;

public sealed record AppointMember(
    long ExpectedVersion,
    string PersonnelNumber,
    string FullName,
    MemberRole Role,
    DateOnly From,
    string? UserName = null,
    string? Position = null);

public static class AppointMemberDecision
{
    public static RuleViolation? Check(AppointMember command, Commission state) => Rules.First(
        () => Rules.NotBefore(command.From, state.EstablishedOn, "appointment", "establishment"),
        () => state.CurrentMembership(command.PersonnelNumber.Trim()) is { } current
            ? new RuleViolation("already-a-member",
                $"{current.FullName} already sits on {state.Name} as {current.Role} since {current.From:yyyy-MM-dd}; release them first to change their role.")
            : null,
        () => state.LatestMembership(command.PersonnelNumber.Trim()) is { Until: { } until } former && command.From <= until
            ? new RuleViolation("already-a-member",
                $"{former.FullName} sat on {state.Name} until {until:yyyy-MM-dd}; a new appointment starts after that.")
            : null,
        () => command.Role is MemberRole.Chair or MemberRole.Secretary
              && state.Members.FirstOrDefault(m => m.Role == command.Role && (m.Until is null || m.Until >= command.From)) is { } holder
            ? new RuleViolation("role-taken",
                $"{holder.FullName} is {command.Role} of {state.Name} on {command.From:yyyy-MM-dd}; release them first.")
            : null);

    public static CommissionMemberAppointed Decide(AppointMember command, Commission state)
    {
        Rules.Ensure(Check(command, state));
        return new CommissionMemberAppointed(state.Id, command.PersonnelNumber.Trim(), command.FullName.Trim(),
            command.UserName?.Trim(), command.Role, command.From, command.Position?.Trim());
    }
}
