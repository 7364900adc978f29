namespace Cases.Domain.Cases;

public sealed record RecordFinding(
    long ExpectedVersion,
    bool ViolationFound,
    IReadOnlyList<string> EmployeesAtFault,
    IReadOnlyList<string> EthicsArticlesViolated,
    bool CorruptionRelated,
    string Summary,
    DateOnly? FoundOn = null,
    DateOnly? OffenceCommittedOn = null);

public static class RecordFindingDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state),
        () => state.HasFinding
            ? new RuleViolation("finding-already-recorded",
                $"Case {state.Number} already has a finding; reopen the case to record another.")
            : null);

    public static RuleViolation? Check(RecordFinding command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => command.EmployeesAtFault.Select(e => e.Trim()).FirstOrDefault(e => !state.Subjects.Contains(e)) is { } stranger
            ? new RuleViolation("not-a-subject", $"Employee {stranger} is not a subject of case {state.Number}.")
            : null,
        () => command.EmployeesAtFault.Select(e => e.Trim()).FirstOrDefault(e => !state.HeardSubjects.Contains(e)) is { } unheard
            ? new RuleViolation("subject-not-heard",
                $"Employee {unheard} has neither explained nor refused to: request an explanation before finding a violation.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.FoundOn ?? Rules.Today(now), "finding"));

    public static FindingRecorded Decide(RecordFinding command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new FindingRecorded(
            state.Id,
            command.ViolationFound,
            command.EmployeesAtFault.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
            command.EthicsArticlesViolated.Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
            command.CorruptionRelated,
            command.Summary.Trim(),
            command.FoundOn ?? Rules.Today(now),
            command.OffenceCommittedOn);
    }
}
