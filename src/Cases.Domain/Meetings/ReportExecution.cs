namespace Cases.Domain.Meetings;

/// <summary>A report on a decision's execution; on a decision with addressees, <see cref="By"/> names the addressee reporting.</summary>
public sealed record ReportExecution(long ExpectedVersion, ExecutionProgress Progress, string Report, IReadOnlyList<string> Evidence,
    DateOnly? ReportedOn = null, Executor? By = null);

public static class ReportExecutionDecision
{
    public static RuleViolation? Check(ReportExecution command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => DecisionRules.ByAddressee(state, Trimmed(command.By)),
        () => DecisionRules.AddresseeNotExecuted(state, Trimmed(command.By)),
        () => Rules.NotBefore(command.ReportedOn ?? Rules.Today(now), state.AdoptedOn, "report", "adoption"),
        () => command.Progress == ExecutionProgress.Executed ? DecisionRules.NotBeforeExtension(state, command.ReportedOn ?? Rules.Today(now)) : null,
        () => command.Progress == ExecutionProgress.Executed && command.Evidence.Count == 0
            ? new RuleViolation("evidence-required", $"Report the documents that show decision {state.ProtocolNumber} was executed.")
            : null);

    /// <summary>
    /// The report, judged on its date rather than on when it is entered: completing the decision's execution by the due
    /// date in force (for several addressees, the last of them by then), it retracts the overdue mark the service
    /// recorded meanwhile, in the same append. <paramref name="forwarded"/> names the report of the addressee's own
    /// organisation it carries, if it came from there.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReportExecution command, ProtocolDecision state, DateTimeOffset now, Guid? forwarded = null)
    {
        Rules.Ensure(Check(command, state, now));
        var reportedOn = command.ReportedOn ?? Rules.Today(now);
        var reported = new ExecutionReported(state.Id, command.Progress, command.Report.Trim(),
            command.Evidence.Select(e => e.Trim()).ToArray(), reportedOn, Trimmed(command.By), forwarded);
        return state.ExecutedOnWith(reported) is { } executedOn && executedOn <= state.DueDate && state.OverdueSequence is { } mark
            ? [reported, new DecisionOverdueRetracted(state.Id, mark, state.DueDate, executedOn)]
            : [reported];
    }

    private static Executor? Trimmed(Executor? by) => by is null ? null : by with { Name = by.Name.Trim(), Organisation = by.Organisation?.Trim() };
}
