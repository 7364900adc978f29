using Cases.Domain.Monitoring;

namespace Cases.Projections.Monitoring;

/// <summary>A round of monitoring as the compliance service reads and counts it; written with its event.</summary>
public sealed class MonitoringRound : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The round stream's version.</summary>
    public long Version { get; set; }

    public MonitoringKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string[] Sources { get; set; } = [];
    public int ItemsReviewed { get; set; }
    public MonitoringFinding[] Findings { get; set; } = [];

    /// <summary>Public procurement's figures; none for the other kinds.</summary>
    public ProcurementCheck? Procurement { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed partial class MonitoringRoundProjection : ChangeTrackedProjection<MonitoringRound>
{
    public MonitoringRound Create(MonitoringRoundRecorded e) => new()
    {
        Id = e.RoundId,
        Kind = e.Kind,
        From = e.From,
        To = e.To,
        Sources = e.Sources,
        ItemsReviewed = e.ItemsReviewed,
        Findings = e.Findings,
        Procurement = e.Procurement
    };
}
