namespace Cases.Domain.RiskAnalysis;

/// <summary>A member of the working group that carries out the analysis.</summary>
public sealed record WorkingGroupMember(string Name, string Position);

/// <summary>An internal analysis of corruption risks begun: what it looks at, who does it, and the period it covers.</summary>
public sealed record RiskAnalysisStarted(Guid AnalysisId, string Title, IReadOnlyList<string> Scope, IReadOnlyList<WorkingGroupMember> WorkingGroup,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly StartedOn);

/// <summary>A corruption risk the analysis identified in one of its areas, numbered from 1 within the analysis.</summary>
public sealed record CorruptionRiskIdentified(Guid AnalysisId, int Number, string Area, string Description, string Conditions,
    string Recommendation, DateOnly IdentifiedOn);

/// <summary>
/// The analysis approved as it stands: either with the risks recorded, or finding none ("the reasons and conditions
/// conducive to corruption offences were not identified").
/// </summary>
public sealed record RiskAnalysisApproved(Guid AnalysisId, DateOnly ApprovedOn, string ApprovedBy, bool NoRisksFound, int RisksRecorded);

/// <summary>A risk's recommendation made an action: who carries it out and by when.</summary>
public sealed record RiskActionAssigned(Guid AnalysisId, int RiskNumber, string Executor, DateOnly DueOn, DateOnly AssignedOn);

public enum RiskActionProgress
{
    InProgress,
    Executed
}

/// <summary>The executor's report on an action: executed, or still in progress, as of its date.</summary>
public sealed record RiskActionReported(Guid AnalysisId, int RiskNumber, RiskActionProgress Progress, DateOnly ReportedOn, string? Note = null);

public static class RiskAnalysisEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(RiskAnalysisStarted)] = "risk_analysis_started",
        [typeof(CorruptionRiskIdentified)] = "corruption_risk_identified",
        [typeof(RiskAnalysisApproved)] = "risk_analysis_approved",
        [typeof(RiskActionAssigned)] = "risk_action_assigned",
        [typeof(RiskActionReported)] = "risk_action_reported"
    };
}
