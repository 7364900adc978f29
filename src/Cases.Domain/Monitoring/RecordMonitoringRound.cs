namespace Cases.Domain.Monitoring;

/// <summary>What the compliance service looked at in a round of monitoring.</summary>
public enum MonitoringKind
{
    SocialNetworks,
    OwnWebsite,
    Media,
    PublicProcurement,
    Other
}

/// <summary>What a finding led to.</summary>
public enum FindingOutcome
{
    None,
    CaseOpened,
    Referral
}

/// <summary>
/// Something the round found: a complaint, a negative comment, a procurement irregularity. A case opened on it may be
/// named (<see cref="CaseId"/>); a referral names to whom (<see cref="ReferredTo"/>).
/// </summary>
public sealed record MonitoringFinding(string Description, FindingOutcome LedTo = FindingOutcome.None, Guid? CaseId = null, string? ReferredTo = null);

/// <summary>
/// Public procurement as monitored: how many procurements were checked, how many violations were found, and how many
/// of those affected the result ("no violations affecting the results have been identified").
/// </summary>
public sealed record ProcurementCheck(int Checked, int Violations, int AffectingResult);

/// <summary>
/// A round of monitoring held over a period: the sources looked at, how many items were reviewed, and what was found.
/// No findings is itself the fact a report states ("no complaints or negative comments were found").
/// </summary>
public sealed record MonitoringRoundRecorded(
    Guid RoundId,
    MonitoringKind Kind,
    DateOnly From,
    DateOnly To,
    string[] Sources,
    int ItemsReviewed,
    MonitoringFinding[] Findings,
    ProcurementCheck? Procurement);

public sealed record RecordMonitoringRound(
    MonitoringKind Kind,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Sources,
    int ItemsReviewed,
    IReadOnlyList<MonitoringFinding>? Findings = null,
    ProcurementCheck? Procurement = null);

/// <summary>A case a finding names, as far as the rules look at it.</summary>
public sealed record FindingCase(Guid Id, string Number, DateOnly ReceivedOn);

public static class RecordMonitoringRoundDecision
{
    /// <param name="cases">The organisation's cases the findings name; the endpoint answers 404 for any it lacks.</param>
    public static RuleViolation? Check(RecordMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases) =>
        (command.Findings ?? [])
        .Where(f => f.CaseId is not null)
        .Select(f => cases[f.CaseId!.Value])
        .FirstOrDefault(c => c.ReceivedOn < command.From) is { } earlier
            ? new RuleViolation("finding-case-predates-round",
                $"Case {earlier.Number} was received on {earlier.ReceivedOn:yyyy-MM-dd}, before the round's period began on {command.From:yyyy-MM-dd}: it was not opened on this round's finding.")
            : null;

    public static MonitoringRoundRecorded Decide(RecordMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases, Guid roundId)
    {
        Rules.Ensure(Check(command, cases));
        return Recorded(command, roundId);
    }

    /// <summary>The round as its event keeps it, texts trimmed: what a recording stores and a correction compares.</summary>
    public static MonitoringRoundRecorded Recorded(RecordMonitoringRound command, Guid roundId) =>
        new(
            roundId,
            command.Kind,
            command.From,
            command.To,
            command.Sources.Select(s => s.Trim()).ToArray(),
            command.ItemsReviewed,
            (command.Findings ?? []).Select(f => f with { Description = f.Description.Trim(), ReferredTo = f.ReferredTo?.Trim() }).ToArray(),
            command.Procurement);
}

public static class MonitoringEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(MonitoringRoundRecorded)] = "monitoring_round_recorded",
        [typeof(MonitoringRoundCorrected)] = "monitoring_round_corrected",
        [typeof(MonitoringRoundWithdrawn)] = "monitoring_round_withdrawn"
    };
}
