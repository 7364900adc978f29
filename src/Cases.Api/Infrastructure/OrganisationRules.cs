using Cases.Domain.Calendars;
using Cases.Domain.Sanctions;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The sanction time limits, from configuration section <c>SanctionRules</c>: <c>Default</c> for every organisation,
/// <c>Organisations:{org}</c> for one that differs.
/// </summary>
public sealed class SanctionRuleSettings
{
    public SanctionRules Default { get; set; } = new();
    public Dictionary<string, SanctionRules> Organisations { get; set; } = new(StringComparer.Ordinal);

    public SanctionRules For(string? organisation) =>
        organisation is not null && Organisations.TryGetValue(organisation, out var own) ? own : Default;

    public IEnumerable<SanctionRules> All => Organisations.Values.Append(Default);

    public static bool IsSound(SanctionRules rules) =>
        rules is { MonthsFromDiscovery: > 0, MonthsFromOffence: > 0, MonthsFromOffenceWhenAudited: > 0, MonthsInForce: > 0, AnnouncementWorkingDays: > 0, ExplanationWorkingDays: > 0 };
}

/// <summary>The rules of the organisation a session works for: its working-day calendar and sanction time limits.</summary>
public static class OrganisationRules
{
    public static async Task<WorkingCalendar> CalendarAsync(IQuerySession session, CancellationToken ct) =>
        OrganisationCalendar.WorkingOf(await session.LoadAsync<OrganisationCalendar>(StreamIds.Calendar(session.TenantId), ct));

    public static SanctionRules Sanctions(IQuerySession session, IOptions<SanctionRuleSettings> settings) =>
        settings.Value.For(session.TenantId);
}
