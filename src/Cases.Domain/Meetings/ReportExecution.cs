namespace Cases.Domain.Meetings;

public sealed record ReportExecution(long ExpectedVersion, ExecutionProgress Progress, string Report, IReadOnlyList<string> Evidence, DateOnly? ReportedOn = null);

public static class ReportExecutionDecision
{
    public static RuleViolation? Check(ReportExecution command, ProtocolDecision state, DateTimeOffset now) => Rules.First(
        () => DecisionRules.NotExecuted(state),
        () => Rules.NotBefore(command.ReportedOn ?? Rules.Today(now), state.AdoptedOn, "report", "adoption"),
        () => command.Progress == ExecutionProgress.Executed && command.Evidence.Count == 0
            ? new RuleViolation("evidence-required", $"Report the documents that show decision {state.ProtocolNumber} was executed.")
            : null);

    public static ExecutionReported Decide(ReportExecution command, ProtocolDecision state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new ExecutionReported(state.Id, command.Progress, command.Report.Trim(),
            command.Evidence.Select(e => e.Trim()).ToArray(), command.ReportedOn ?? Rules.Today(now));
    }
}
