namespace Cases.Domain.RiskAnalysis;

public sealed record ApproveRiskAnalysis(long ExpectedVersion, DateOnly ApprovedOn, string ApprovedBy, bool NoRisksFound = false);

public static class ApproveRiskAnalysisDecision
{
    /// <summary>
    /// Approved once, no earlier than it started, and saying what it found: "none found" only when no risk was recorded,
    /// and risks recorded unless it says none were found.
    /// </summary>
    public static RuleViolation? Check(ApproveRiskAnalysis command, CorruptionRiskAnalysis state) => Rules.First(
        () => RiskAnalysisRules.NotApproved(state),
        () => command.NoRisksFound && state.Risks.Count > 0
            ? new RuleViolation("risks-recorded", $"The analysis recorded {state.Risks.Count} risk(s); it cannot be approved as finding none.")
            : null,
        () => !command.NoRisksFound && state.Risks.Count == 0
            ? new RuleViolation("no-risks-recorded", "No risk is recorded: approve with noRisksFound to state that none was found.")
            : null,
        () => Rules.NotBefore(command.ApprovedOn, state.StartedOn, "approval", "start"));

    public static RiskAnalysisApproved Decide(ApproveRiskAnalysis command, CorruptionRiskAnalysis state)
    {
        Rules.Ensure(Check(command, state));
        return new RiskAnalysisApproved(state.Id, command.ApprovedOn, command.ApprovedBy.Trim(), command.NoRisksFound, state.Risks.Count);
    }
}
