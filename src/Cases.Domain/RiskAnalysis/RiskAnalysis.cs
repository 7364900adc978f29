namespace Cases.Domain.RiskAnalysis;

/// <summary>The state of one risk the rules judge by: its area, and its action once assigned.</summary>
public sealed record RiskState(int Number, string Area, DateOnly? AssignedOn = null, DateOnly? DueOn = null, bool Executed = false);

/// <summary>The write model of one analysis's stream. Immutable.</summary>
public sealed partial record CorruptionRiskAnalysis
{
    /// <summary>The three areas the oncology centre's analysis covered, the scope when a request names none.</summary>
    public static readonly IReadOnlyList<string> DefaultScope = ["organisational-and-managerial", "regulatory-acts", "medical-activity"];

    public Guid Id { get; init; }
    public IReadOnlyList<string> Scope { get; init; } = [];
    public DateOnly StartedOn { get; init; }
    public DateOnly? ApprovedOn { get; init; }
    public IReadOnlyList<RiskState> Risks { get; init; } = [];

    public RiskState? Risk(int number) => Risks.FirstOrDefault(r => r.Number == number);

    public static CorruptionRiskAnalysis Create(RiskAnalysisStarted e) => new() { Id = e.AnalysisId, Scope = e.Scope, StartedOn = e.StartedOn };

    public CorruptionRiskAnalysis Apply(CorruptionRiskIdentified e) => this with { Risks = [.. Risks, new RiskState(e.Number, e.Area)] };
    public CorruptionRiskAnalysis Apply(RiskAnalysisApproved e) => this with { ApprovedOn = e.ApprovedOn };

    public CorruptionRiskAnalysis Apply(RiskActionAssigned e) =>
        With(e.RiskNumber, r => r with { AssignedOn = e.AssignedOn, DueOn = e.DueOn });

    public CorruptionRiskAnalysis Apply(RiskActionReported e) =>
        With(e.RiskNumber, r => r with { Executed = r.Executed || e.Progress == RiskActionProgress.Executed });

    private CorruptionRiskAnalysis With(int number, Func<RiskState, RiskState> change) =>
        this with { Risks = [.. Risks.Select(r => r.Number == number ? change(r) : r)] };
}

public static class RiskAnalysisRules
{
    public static RuleViolation? NotApproved(CorruptionRiskAnalysis a) => a.ApprovedOn is { } approved
        ? new RuleViolation("risk-analysis-approved", $"The analysis was approved on {approved:yyyy-MM-dd}; its findings are closed.")
        : null;

    public static RuleViolation? Approved(CorruptionRiskAnalysis a) => a.ApprovedOn is null
        ? new RuleViolation("risk-analysis-not-approved", "A recommendation becomes an action once the analysis is approved.")
        : null;
}
