using Cases.Domain.RiskAnalysis;

namespace Cases.Projections.RiskAnalysis;

/// <summary>An analysis as the compliance service keeps it: its scope, working group, risks, approval and actions.</summary>
public sealed class RiskAnalysisSummary : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The analysis stream's version; commands on it send it back as their expected version.</summary>
    public long Version { get; set; }

    public string Title { get; set; } = "";
    public List<string> Scope { get; set; } = [];
    public List<WorkingGroupMember> WorkingGroup { get; set; } = [];
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>Approved as finding no reasons or conditions conducive to corruption offences.</summary>
    public bool NoRisksFound { get; set; }

    public List<IdentifiedRisk> Risks { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>A recorded risk and, once its recommendation is made an action, that action.</summary>
public sealed class IdentifiedRisk
{
    public int Number { get; set; }
    public string Area { get; set; } = "";
    public string Description { get; set; } = "";
    public string Conditions { get; set; } = "";
    public string Recommendation { get; set; } = "";
    public DateOnly IdentifiedOn { get; set; }
    public RiskAction? Action { get; set; }
}

/// <summary>An action as assigned and last reported; whether it is overdue depends on the day it is read, so is not kept.</summary>
public sealed class RiskAction
{
    public string Executor { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly AssignedOn { get; set; }
    public RiskActionProgress? Progress { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public DateOnly? ExecutedOn { get; set; }
    public string? Note { get; set; }

    /// <summary>Past its due date on <paramref name="today"/> and not executed by then.</summary>
    public bool OverdueOn(DateOnly today) => today > DueOn && ExecutedOn is null;
}

public sealed partial class RiskAnalysisSummaryProjection : ChangeTrackedProjection<RiskAnalysisSummary>
{
    public RiskAnalysisSummary Create(RiskAnalysisStarted e) => new()
    {
        Id = e.AnalysisId,
        Title = e.Title,
        Scope = [.. e.Scope],
        WorkingGroup = [.. e.WorkingGroup],
        PeriodFrom = e.PeriodFrom,
        PeriodTo = e.PeriodTo,
        StartedOn = e.StartedOn
    };

    public void Apply(CorruptionRiskIdentified e, RiskAnalysisSummary view) => view.Risks.Add(new IdentifiedRisk
    {
        Number = e.Number,
        Area = e.Area,
        Description = e.Description,
        Conditions = e.Conditions,
        Recommendation = e.Recommendation,
        IdentifiedOn = e.IdentifiedOn
    });

    public void Apply(RiskAnalysisApproved e, RiskAnalysisSummary view)
    {
        view.ApprovedOn = e.ApprovedOn;
        view.ApprovedBy = e.ApprovedBy;
        view.NoRisksFound = e.NoRisksFound;
    }

    public void Apply(RiskActionAssigned e, RiskAnalysisSummary view)
    {
        if (view.Risks.Find(r => r.Number == e.RiskNumber) is { } risk)
            risk.Action = new RiskAction { Executor = e.Executor, DueOn = e.DueOn, AssignedOn = e.AssignedOn };
    }

    public void Apply(RiskActionReported e, RiskAnalysisSummary view)
    {
        if (view.Risks.Find(r => r.Number == e.RiskNumber)?.Action is not { } action) return;
        action.Progress = e.Progress;
        action.ReportedOn = e.ReportedOn;
        action.Note = e.Note;
        if (e.Progress == RiskActionProgress.Executed) action.ExecutedOn = e.ReportedOn;
    }
}
