namespace Cases.Domain.RiskAnalysis;

public sealed record ReportRiskAction(long ExpectedVersion, RiskActionProgress Progress, DateOnly ReportedOn, string? Note = null);

public static class ReportRiskActionDecision
{
    /// <summary>An assigned action is reported on, from its assignment on, until it is executed.</summary>
    public static RuleViolation? Check(ReportRiskAction command, RiskState risk) => Rules.First(
        () => risk.AssignedOn is null
            ? new RuleViolation("action-not-assigned", $"No action is assigned on risk {risk.Number}.")
            : null,
        () => risk.Executed
            ? new RuleViolation("action-already-executed", $"The action on risk {risk.Number} was reported executed.")
            : null,
        () => Rules.NotBefore(command.ReportedOn, risk.AssignedOn!.Value, "report", "assignment"));

    public static RiskActionReported Decide(ReportRiskAction command, Guid analysisId, RiskState risk)
    {
        Rules.Ensure(Check(command, risk));
        return new RiskActionReported(analysisId, risk.Number, command.Progress, command.ReportedOn, command.Note?.Trim() is { Length: > 0 } note ? note : null);
    }
}
