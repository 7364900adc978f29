namespace Cases.Domain.Cases;

public sealed record IdentifySubject(long ExpectedVersion, string PersonnelNumber, DateOnly? IdentifiedOn = null);

public static class IdentifySubjectDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => CaseRules.NotClosed(state);

    public static RuleViolation? Check(IdentifySubject command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => state.Subjects.Contains(command.PersonnelNumber.Trim())
            ? new RuleViolation("already-a-subject", $"Employee {command.PersonnelNumber} is already a subject of case {state.Number}.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.IdentifiedOn ?? Rules.Today(now), "identification"));

    public static SubjectIdentified Decide(IdentifySubject command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SubjectIdentified(state.Id, command.PersonnelNumber.Trim(), command.IdentifiedOn ?? Rules.Today(now));
    }
}
