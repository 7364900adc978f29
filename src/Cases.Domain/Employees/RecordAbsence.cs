namespace Cases.Domain.Employees;

public sealed record RecordAbsence(long ExpectedVersion, AbsenceKind Kind, DateOnly From, DateOnly To);

public static class RecordAbsenceDecision
{
    public static RuleViolation? Check(RecordAbsence command, Employee? state) =>
        Employee.AbsencesOf(state).FirstOrDefault(a => a.From <= command.To && command.From <= a.To) is { } overlap
            ? new RuleViolation("absence-overlaps",
                $"The employee is already recorded absent ({overlap.Kind}) from {overlap.From:yyyy-MM-dd} to {overlap.To:yyyy-MM-dd}.")
            : null;

    public static AbsenceRecorded Decide(RecordAbsence command, string personnelNumber, Employee? state, Guid absenceId)
    {
        Rules.Ensure(Check(command, state));
        return new AbsenceRecorded(personnelNumber, absenceId, command.Kind, command.From, command.To);
    }
}
