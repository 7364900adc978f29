namespace Cases.Domain.Meetings;

public sealed record ReportExecution(long ExpectedVersion, ExecutionProgress Progress, string Report, IReadOnlyList<string> Evidence, DateOnly? ReportedOn = null);

public static class ReportExecutionDecision
{
    public static RuleViolation? Check(ReportExecution command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => Rules.NotBefore(command.ReportedOn ?? Rules.Today(now), state.AdoptedOn, "report", "adoption"),
        () => command.Progress == ExecutionProgress.Executed ? DecisionRules.NotBeforeExtension(state, command.ReportedOn ?? Rules.Today(now)) : null,
        () => command.Progress == ExecutionProgress.Executed && command.Evidence.Count == 0
            ? new RuleViolation("evidence-required", $"Report the documents that show decision {state.ProtocolNumber} was executed.")
            : null);

    /// <summary>
    /// The report, judged on its date rather than on when it is entered: executed by the due date in force, it
    /// retracts the overdue mark the service recorded meanwhile, in the same append.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReportExecution command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        var reportedOn = command.ReportedOn ?? Rules.Today(now);
        var reported = new ExecutionReported(state.Id, command.Progress, command.Report.Trim(),
            command.Evidence.Select(e => e.Trim()).ToArray(), reportedOn);
        return command.Progress == ExecutionProgress.Executed && reportedOn <= state.DueDate && state.OverdueSequence is { } mark
            ? [reported, new DecisionOverdueRetracted(state.Id, mark, state.DueDate, reportedOn)]
            : [reported];
    }
}
