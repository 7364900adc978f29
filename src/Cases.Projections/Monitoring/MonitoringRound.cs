using Cases.Domain.Monitoring;

namespace Cases.Projections.Monitoring;

/// <summary>Whether a round stands as recorded, stands as corrected, or was withdrawn.</summary>
public enum MonitoringRoundStatus
{
    Recorded,
    Corrected,
    Withdrawn
}

/// <summary>
/// A round of monitoring as the compliance service reads and counts it, with its corrections; written with its events.
/// A withdrawn round keeps the fields it had and counts nowhere.
/// </summary>
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

    public MonitoringRoundStatus Status { get; set; }

    /// <summary>
    /// Whether the round was withdrawn, what the figures filter on: a round written before withdrawals existed has no
    /// such field, which Marten reads as false (unlike a status compared, which SQL's null would leave out).
    /// </summary>
    public bool Withdrawn { get; set; }

    /// <summary>Why the round was last corrected, or withdrawn; none for a round as recorded.</summary>
    public string? Reason { get; set; }

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

    public void Apply(MonitoringRoundCorrected e, MonitoringRound view)
    {
        (view.Kind, view.From, view.To, view.Sources, view.ItemsReviewed, view.Findings, view.Procurement) =
            (e.Kind, e.From, e.To, e.Sources, e.ItemsReviewed, e.Findings, e.Procurement);
        (view.Status, view.Reason) = (MonitoringRoundStatus.Corrected, e.Reason);
    }

    public void Apply(MonitoringRoundWithdrawn e, MonitoringRound view) =>
        (view.Status, view.Withdrawn, view.Reason) = (MonitoringRoundStatus.Withdrawn, true, e.Reason);
}
