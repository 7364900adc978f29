namespace Cases.Domain.Meetings;

/// <summary>An addressee's report on an instruction received; <see cref="By"/> may be left out when the instruction addresses one body here.</summary>
public sealed record ReportInstructionExecution(long ExpectedVersion, ExecutionProgress Progress, string Report, IReadOnlyList<string> Evidence,
    DateOnly? ReportedOn = null, Executor? By = null);

public static class ReportInstructionExecutionDecision
{
    /// <summary>The addressee reporting: the one named, or the instruction's only one here.</summary>
    public static Executor? Reporter(ReportInstructionExecution command, ReceivedInstruction state) =>
        command.By is { } by
            ? by with { Name = by.Name.Trim(), Organisation = by.Organisation?.Trim() }
            : state.Addressees.Count == 1 ? state.Addressees[0] : null;

    public static RuleViolation? Check(ReportInstructionExecution command, ReceivedInstruction state, DateTimeOffset now) => Rules.First(
        () => Reporter(command, state) is { } by && state.Addressees.Contains(by)
            ? null
            : new RuleViolation("not-an-addressee", command.By is null
                ? $"Instruction {state.ProtocolNumber} addresses {state.Addressees.Count} bodies here; name the one reporting."
                : $"{command.By.Name} is not an addressee of instruction {state.ProtocolNumber}."),
        () => state.ExecutedBy.FirstOrDefault(x => x.Addressee == Reporter(command, state)) is { } done
            ? new RuleViolation("addressee-executed", $"{done.Addressee.Name} reported instruction {state.ProtocolNumber} executed on {done.On:yyyy-MM-dd}.")
            : null,
        () => Rules.NotBefore(command.ReportedOn ?? Rules.Today(now), state.AdoptedOn, "report", "adoption"),
        () => command.Progress == ExecutionProgress.Executed && command.Evidence.Count == 0
            ? new RuleViolation("evidence-required", $"Report the documents that show instruction {state.ProtocolNumber} was executed.")
            : null);

    /// <summary>The report, kept here, and the message that carries it to the commission's decision.</summary>
    public static (InstructionExecutionReported Reported, InstructionExecutionForwarded Forwarded) Decide(ReportInstructionExecution command,
        ReceivedInstruction state, DateTimeOffset now, Guid reportId)
    {
        Rules.Ensure(Check(command, state, now));
        var reported = new InstructionExecutionReported(state.Id, reportId, Reporter(command, state)!, command.Progress, command.Report.Trim(),
            command.Evidence.Select(e => e.Trim()).ToArray(), command.ReportedOn ?? Rules.Today(now));
        return (reported, new InstructionExecutionForwarded(state.DecisionId, reportId, reported.By, reported.Progress, reported.Report,
            reported.Evidence, reported.ReportedOn));
    }

    /// <summary>
    /// The forwarded report as the decision takes it, or nothing: a redelivered one was taken already, and one the
    /// decision no longer accepts (the commission's secretary recorded that body's execution first, or an extension
    /// since) stays in the addressee's organisation only.
    /// </summary>
    public static IReadOnlyList<object> Take(InstructionExecutionForwarded forwarded, ProtocolDecision decision, DateTimeOffset now)
    {
        if (decision.ForwardedReports.Contains(forwarded.ReportId)) return [];
        var command = new ReportExecution(0, forwarded.Progress, forwarded.Report, forwarded.Evidence, forwarded.ReportedOn, forwarded.By);
        return ReportExecutionDecision.Check(command, decision, now) is null
            ? ReportExecutionDecision.Decide(command, decision, now, forwarded.ReportId)
            : [];
    }
}
