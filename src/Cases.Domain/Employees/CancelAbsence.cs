namespace Cases.Domain.Employees;

public sealed record CancelAbsence(long ExpectedVersion, Guid AbsenceId, string Reason);

public static class CancelAbsenceDecision
{
    public static RuleViolation? Check(CancelAbsence command, Employee state) =>
        state.Absences.Any(a => a.Id == command.AbsenceId)
            ? null
            : new RuleViolation("no-such-absence", $"Employee {state.PersonnelNumber} has no absence {command.AbsenceId}.");

    public static AbsenceCancelled Decide(CancelAbsence command, Employee state)
    {
        Rules.Ensure(Check(command, state));
        return new AbsenceCancelled(state.PersonnelNumber, command.AbsenceId, command.Reason.Trim());
    }
}
