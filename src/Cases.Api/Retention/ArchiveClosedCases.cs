using Cases.Domain.Retention;
using Cases.Projections.Cases;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Retention;

/// <summary>How long closed cases stay among the active records, from configuration section <c>Retention</c>.</summary>
public sealed class RetentionSettings
{
    /// <summary>Days after its closing day that a closed case is archived.</summary>
    public int ClosedCaseDays { get; set; } = 5 * 365;

    /// <summary>Cases archived by one request at most, so that one transaction stays small; call again for the rest.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>200: the cases archived, and whether closed cases past the period remain for another call.</summary>
public sealed record CasesArchived(DateOnly ClosedOnOrBefore, IReadOnlyList<Guid> Archived, bool More);

[Tags(ApiTags.Retention)]
public static class ArchiveClosedCasesEndpoint
{
    /// <summary>
    /// Archives the organisation's cases closed longer ago than the retention period: <c>CaseArchived</c> on each, and
    /// Marten archives the stream, so the case leaves the case list and every active query. Statistics and the audit
    /// trail are documents of their own and stay as they were.
    /// </summary>
    [WolverinePost("/api/retention/archival", OperationId = "ArchiveClosedCases")]
    [EndpointSummary("Archive the cases closed longer than the retention period")]
    [Authorize(Roles = Roles.DataProtection)]
    public static async Task<CasesArchived> Post(IDocumentSession session, IOptions<RetentionSettings> settings, [NotBody] RequestTime time,
        CancellationToken ct)
    {
        var days = settings.Value.ClosedCaseDays;
        var lastDay = ArchiveClosedCasesDecision.LastClosingDay(time.Now, days);
        var due = await session.Query<CaseSummary>()
            .Where(c => c.Status == CaseStatus.Closed && c.ClosedOn <= lastDay)
            .OrderBy(c => c.ClosedOn)
            .Select(c => new { c.Id, c.ClosedOn, c.Version })
            .Take(settings.Value.BatchSize + 1)
            .ToListAsync(ct);
        var archived = new List<Guid>();
        foreach (var closed in due.Take(settings.Value.BatchSize))
        {
            if (ArchiveClosedCasesDecision.Decide(closed.Id, closed.ClosedOn, time.Now, days) is not { } fact) continue;
            // Marten's own Archived event archives the stream, events included, once the projections have seen it. The
            // expected version (the two events on top of the one read) refuses to archive a case reopened meanwhile.
            session.Events.Append(closed.Id, closed.Version + 2, fact, new Archived("retention period"));
            archived.Add(closed.Id);
        }
        return new CasesArchived(lastDay, archived, due.Count > settings.Value.BatchSize);
    }
}
