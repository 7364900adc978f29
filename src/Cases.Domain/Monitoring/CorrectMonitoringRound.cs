namespace Cases.Domain.Monitoring;

/// <summary>The round's fields as they should be, all of them, as a recording gives them, with the reason.</summary>
public sealed record CorrectMonitoringRound(
    long ExpectedVersion,
    string Reason,
    MonitoringKind Kind,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Sources,
    int ItemsReviewed,
    IReadOnlyList<MonitoringFinding>? Findings = null,
    ProcurementCheck? Procurement = null)
{
    /// <summary>The round as corrected, held to every rule a recording is held to.</summary>
    public RecordMonitoringRound AsRecording() => new(Kind, From, To, Sources, ItemsReviewed, Findings, Procurement);
}

public static class CorrectMonitoringRoundDecision
{
    /// <summary>A round standing (not withdrawn) is corrected to what a recording could hold, and to something else than it holds.</summary>
    public static RuleViolation? Check(CorrectMonitoringRound command, MonitoringRecord state, IReadOnlyDictionary<Guid, FindingCase> cases) => Rules.First(
        () => MonitoringRoundRules.NotWithdrawn(state, "round-withdrawn", "no longer corrected"),
        () => RecordMonitoringRoundDecision.Check(command.AsRecording(), cases),
        () => MonitoringRoundRules.Same(RecordMonitoringRoundDecision.Recorded(command.AsRecording(), state.Id), state.Standing)
            ? new RuleViolation("nothing-to-correct", "The round already holds these fields: the correction would change nothing.")
            : null);

    public static MonitoringRoundCorrected Decide(CorrectMonitoringRound command, MonitoringRecord state, IReadOnlyDictionary<Guid, FindingCase> cases)
    {
        Rules.Ensure(Check(command, state, cases));
        return MonitoringRoundCorrected.Of(RecordMonitoringRoundDecision.Recorded(command.AsRecording(), state.Id), command.Reason.Trim());
    }
}
