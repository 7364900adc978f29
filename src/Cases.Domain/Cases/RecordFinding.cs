namespace Cases.Domain.Cases;

public sealed record RecordFinding(
    long ExpectedVersion,
    bool ViolationFound,
    IReadOnlyList<string> EthicsArticlesViolated,
    bool CorruptionRelated,
    string Summary,
    DateOnly? FoundOn = null);

public static class RecordFindingDecision
{
    public static RuleViolation? Check(RecordFinding command, Case state, DateTimeOffset now) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state),
        () => state.HasFinding
            ? new RuleViolation("finding-already-recorded",
                $"Case {state.Number} already has a finding; reopen the case to record another.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.FoundOn ?? Rules.Today(now), "finding"));

    public static FindingRecorded Decide(RecordFinding command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new FindingRecorded(
            state.Id,
            command.ViolationFound,
            command.EthicsArticlesViolated.Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
            command.CorruptionRelated,
            command.Summary.Trim(),
            command.FoundOn ?? Rules.Today(now));
    }
}
