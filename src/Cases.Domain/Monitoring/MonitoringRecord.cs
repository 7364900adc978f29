namespace Cases.Domain.Monitoring;

/// <summary>
/// The round's fields as corrected, in place of those recorded or corrected before, which stay in the stream as they
/// were stored; with the reason the round was corrected.
/// </summary>
public sealed record MonitoringRoundCorrected(
    Guid RoundId,
    MonitoringKind Kind,
    DateOnly From,
    DateOnly To,
    string[] Sources,
    int ItemsReviewed,
    MonitoringFinding[] Findings,
    ProcurementCheck? Procurement,
    string Reason)
{
    public static MonitoringRoundCorrected Of(MonitoringRoundRecorded round, string reason) => new(round.RoundId, round.Kind, round.From, round.To,
        round.Sources, round.ItemsReviewed, round.Findings, round.Procurement, reason);

    /// <summary>The round as it stands after the correction, in the shape of a recording.</summary>
    public MonitoringRoundRecorded AsRecorded() => new(RoundId, Kind, From, To, Sources, ItemsReviewed, Findings, Procurement);
}

/// <summary>A round recorded in error or no longer stood by: it counts in no figure from now on, and stays readable.</summary>
public sealed record MonitoringRoundWithdrawn(Guid RoundId, string Reason);

/// <summary>
/// The write model of one round's stream: the round as it stands (recorded, or as last corrected) and whether it was
/// withdrawn. Immutable. Aggregated from the round's few events on each command, never stored: rounds recorded before
/// corrections existed have their events and nothing else.
/// </summary>
public sealed partial record MonitoringRecord
{
    public Guid Id { get; init; }
    public MonitoringRoundRecorded Standing { get; init; } = null!;
    public string? WithdrawnBecause { get; init; }

    public static MonitoringRecord Create(MonitoringRoundRecorded e) => new() { Id = e.RoundId, Standing = e };

    public MonitoringRecord Apply(MonitoringRoundCorrected e) => this with { Standing = e.AsRecorded() };

    public MonitoringRecord Apply(MonitoringRoundWithdrawn e) => this with { WithdrawnBecause = e.Reason };
}

public static class MonitoringRoundRules
{
    /// <summary>A withdrawn round is kept as it was withdrawn: <paramref name="rule"/> names what was refused.</summary>
    public static RuleViolation? NotWithdrawn(MonitoringRecord round, string rule, string refused) => round.WithdrawnBecause is { } reason
        ? new RuleViolation(rule, $"The monitoring round was withdrawn ({reason}); it is {refused}.")
        : null;

    /// <summary>Whether two records of a round say the same: texts compared as stored, lists in order.</summary>
    public static bool Same(MonitoringRoundRecorded a, MonitoringRoundRecorded b) =>
        a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.ItemsReviewed == b.ItemsReviewed && a.Procurement == b.Procurement
        && a.Sources.SequenceEqual(b.Sources, StringComparer.Ordinal) && a.Findings.SequenceEqual(b.Findings);
}
