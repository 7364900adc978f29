using System.Security.Claims;
using Cases.Api.Employees;
using Cases.Domain.Employees;
using Cases.Domain.Cases;
using Cases.Domain.Sanctions;
using Cases.Projections.Deadlines;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Deadlines;

/// <summary>An obligation as the watch shows it: what is due, about what, for whom, by when.</summary>
public sealed record DueItem(DeadlineKind Kind, Guid StreamId, string Reference, string? PersonnelNumber, DateOnly StartsOn, DateOnly DueOn,
    bool Overdue, int DaysLeft);

/// <summary>The horizon in days, and optionally one kind, or the deadlines of one case (or sanction, or decision) by its id.</summary>
public sealed record DeadlineQuery(int Days = DeadlineQuery.DefaultDays, string? Kind = null, Guid? StreamId = null)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
}

/// <summary>
/// Open deadlines counted now: an explanation's and an imposition limit's last day on the organisation's calendar and
/// each employee's absences as they are, the others as the facts fixed them.
/// </summary>
public static class DueItems
{
    public static async Task<IReadOnlyList<DueItem>> CountAsync(IReadOnlyList<Deadline> deadlines, IQuerySession session, SanctionRules rules,
        DateOnly today, DateOnly horizon, CancellationToken ct)
    {
        var calendar = await OrganisationRules.CalendarAsync(session, ct);
        var absences = new Dictionary<string, IReadOnlyList<Absence>>(StringComparer.Ordinal);
        var items = new List<DueItem>();
        foreach (var deadline in deadlines)
        {
            var due = deadline.DueOn ?? deadline.Kind switch
            {
                DeadlineKind.Explanation => RecordExplanationDecision.ExplanationDue(deadline.StartsOn, calendar, rules),
                _ => LabourClock.End(deadline.StartsOn, rules.MonthsFromDiscovery, await AbsencesAsync(deadline.PersonnelNumber!))
            };
            if (due > horizon) continue;
            items.Add(new DueItem(deadline.Kind, deadline.StreamId, deadline.Reference, deadline.PersonnelNumber, deadline.StartsOn, due,
                due < today, due.DayNumber - today.DayNumber));
        }
        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.Reference, StringComparer.Ordinal).ToArray();

        async Task<IReadOnlyList<Absence>> AbsencesAsync(string personnelNumber) =>
            absences.TryGetValue(personnelNumber, out var known)
                ? known
                : absences[personnelNumber] = await EmployeeRecords.AbsencesAsync(personnelNumber, session, ct);
    }
}

[Tags(ApiTags.Deadlines)]
public static class ListDeadlinesEndpoint
{
    public const int MaxItems = 2_000;

    public static ProblemDetails Validate(DeadlineQuery query) => new FieldErrors()
        .When(query.Days is < 0 or > DeadlineQuery.MaxDays, "days", $"Between 0 and {DeadlineQuery.MaxDays}.")
        .OneOf<DeadlineKind>("kind", query.Kind)
        .ToProblem();

    /// <summary>
    /// Everything overdue or due within <c>days</c> days, earliest first. Explanations and imposition limits are
    /// counted now, on the organisation's calendar and each employee's absences; an imposition limit runs from the
    /// finding, the day the offence was established.
    /// </summary>
    [WolverineGet("/api/deadlines", OperationId = "ListDeadlines")]
    [EndpointSummary("List overdue and coming deadlines")]
    [Authorize(Roles = Roles.DeadlineReaders)]
    public static async Task<IReadOnlyList<DueItem>> Get([FromQuery] DeadlineQuery query, IQuerySession session,
        IOptions<SanctionRuleSettings> settings, RequestTime time, ClaimsPrincipal user, ProjectionWait wait, CancellationToken ct)
    {
        var horizon = time.Today.AddDays(query.Days);
        var kind = KebabEnum.Parse<DeadlineKind>(query.Kind);
        // Whatever was recorded before the question is in the answer: the daemon is waited for, not raced.
        var open = session.QueryForNonStaleData<Deadline>(wait.Timeout).Where(d => d.DueOn == null || d.DueOn <= horizon);
        if (kind is { } only) open = open.Where(d => d.Kind == only);
        if (query.StreamId is { } streamId) open = open.Where(d => d.StreamId == streamId);
        // Sanctions are on the employee's record: only those who may read it see their deadlines.
        if (!Roles.RecordReaders.Split(',').Any(user.IsInRole)) open = open.Where(d => !SanctionKinds.Contains(d.Kind));
        var deadlines = await open.OrderBy(d => d.DueOn).ThenBy(d => d.StartsOn).Take(MaxItems).ToListAsync(ct);
        return await DueItems.CountAsync(deadlines, session, OrganisationRules.Sanctions(session, settings), time.Today, horizon, ct);
    }

    private static readonly DeadlineKind[] SanctionKinds =
        [DeadlineKind.SanctionImposition, DeadlineKind.OrderAnnouncement, DeadlineKind.SanctionExpiry];
}
