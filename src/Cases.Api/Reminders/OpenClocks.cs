using Cases.Api.Deadlines;
using Cases.Api.Retention;
using Cases.Domain.Reminders;
using Cases.Projections.Cases;
using Cases.Projections.Deadlines;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Reminders;

/// <summary>
/// The organisation's open clocks as reminders watch them, counted by the deadline watch itself (<see cref="DueItems"/>),
/// so that the check, the digest and a reminder's "still open" read the same clocks as <c>GET /api/deadlines</c>.
/// </summary>
public sealed class OpenClocks(IOptions<SanctionRuleSettings> sanctionRules, IOptions<RetentionSettings> retention, ProjectionWait wait)
{
    /// <summary>
    /// Every clock open today whose last day is at the latest <paramref name="horizon"/>, overdue ones included; of the
    /// <paramref name="kinds"/> given, or of every kind.
    /// </summary>
    public async Task<IReadOnlyList<OpenClock>> ListAsync(IQuerySession session, DateOnly today, DateOnly horizon,
        IReadOnlyCollection<DeadlineKind>? kinds, CancellationToken ct)
    {
        var rules = new DeadlineRules(OrganisationRules.Sanctions(session, sanctionRules), retention.Value.ClosedCaseDays);
        var items = await DueItems.ListAsync(session, rules, kinds ?? Enum.GetValues<DeadlineKind>(), null, today, horizon, wait.Timeout, int.MaxValue, ct);
        var assignees = await AssigneesAsync(session, items, ct);
        // A clock is told from every other by its kind, record, and the employee or plan obligation it concerns.
        return [.. items.Select(i => new OpenClock(Deadline.IdOf(i.Kind, i.StreamId, i.PersonnelNumber ?? i.Obligation), KebabEnum.Name(i.Kind),
            i.StreamId, i.Obligation is null ? i.Reference : $"{i.Reference} — {i.Obligation}", i.DueOn, assignees.GetValueOrDefault(i.StreamId)))];
    }

    /// <summary>The investigator each case with an open clock is assigned to, in one query.</summary>
    private static async Task<IReadOnlyDictionary<Guid, string>> AssigneesAsync(IQuerySession session, IReadOnlyList<DueItem> items, CancellationToken ct)
    {
        var streams = items.Select(i => i.StreamId).Distinct().ToArray();
        if (streams.Length == 0) return new Dictionary<Guid, string>();
        var assigned = await session.Query<CaseSummary>().Where(c => c.Id.IsOneOf(streams) && c.Investigator != null)
            .Select(c => new { c.Id, c.Investigator }).ToListAsync(ct);
        return assigned.ToDictionary(c => c.Id, c => c.Investigator!);
    }
}
