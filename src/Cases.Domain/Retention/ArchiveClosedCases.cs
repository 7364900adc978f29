namespace Cases.Domain.Retention;

/// <summary>A closed case passed its retention period and left the active records; its stream is archived with it.</summary>
public sealed record CaseArchived(Guid CaseId, DateOnly ClosedOn, DateOnly ArchivedOn, int RetentionDays);

public static class RetentionEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(CaseArchived)] = "case_archived"
    };
}

public static class ArchiveClosedCasesDecision
{
    /// <summary>The last closing day a case may have to be archived today: older than the retention period.</summary>
    public static DateOnly LastClosingDay(DateTimeOffset now, int retentionDays) => Rules.Today(now).AddDays(-retentionDays - 1);

    /// <summary>The day a case closed on <paramref name="closedOn"/> is due to be archived: the first day its retention period is over.</summary>
    public static DateOnly ArchivalDue(DateOnly closedOn, int retentionDays) => closedOn.AddDays(retentionDays + 1);

    public static CaseArchived? Decide(Guid caseId, DateOnly? closedOn, DateTimeOffset now, int retentionDays) =>
        closedOn is { } day && day <= LastClosingDay(now, retentionDays)
            ? new CaseArchived(caseId, day, Rules.Today(now), retentionDays)
            : null;
}
