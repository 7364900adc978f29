using System.Security.Claims;
using Cases.Api.Employees;
using Cases.Api.Retention;
using Cases.Domain.Retention;
using Cases.Projections.ActionPlans;
using Cases.Projections.Cases;
using Cases.Domain.Employees;
using Cases.Domain.Cases;
using Cases.Domain.Sanctions;
using Cases.Projections.Deadlines;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Deadlines;

/// <summary>
/// An obligation as the watch shows it: what is due, about what, for whom, by when; for an action plan item, which
/// item and which responsible body owes it (<see cref="Obligation"/>, "3: Legal department").
/// </summary>
public sealed record DueItem(DeadlineKind Kind, Guid StreamId, string Reference, string? PersonnelNumber, DateOnly StartsOn, DateOnly DueOn,
    bool Overdue, int DaysLeft, string? Obligation = null);

/// <summary>The horizon in days, and optionally one kind, or the deadlines of one case (or sanction, or decision, or plan) by its id.</summary>
public sealed record DeadlineQuery(int Days = DeadlineQuery.DefaultDays, string? Kind = null, Guid? StreamId = null)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
}

/// <summary>What the counted clocks run by: the labour-law rules and the retention period.</summary>
public sealed record DeadlineRules(SanctionRules Sanctions, int RetentionDays);

/// <summary>Who reads, and may be reminded of, each kind of deadline.</summary>
public static class DeadlineAudience
{
    /// <summary>
    /// Sanctions are on the employee's record: only those who may read it. Action plans are the compliance service's
    /// (internal audit reads them too), and retention the data protection officer's; the others are the case work's.
    /// </summary>
    public static string ReadersOf(string kind) => kind switch
    {
        "sanction-imposition" or "order-announcement" or "sanction-expiry" => Roles.RecordReaders,
        "plan-item-due" => Roles.PlanDeadlineReaders,
        "retention" => Roles.RetentionDeadlineReaders,
        _ => Roles.CaseReminderRecipients
    };

    /// <summary>The kinds of deadline the caller reads.</summary>
    public static DeadlineKind[] VisibleTo(ClaimsPrincipal user) =>
        [.. Enum.GetValues<DeadlineKind>().Where(k => ReadersOf(KebabEnum.Name(k)).Split(',').Any(user.IsInRole))];
}

/// <summary>
/// Open deadlines counted now: an explanation's, an act of refusal's and an imposition limit's last day on the
/// organisation's calendar and each employee's absences as they are, action plan items and retention from their
/// records as they are, the others as the facts fixed them. GET /api/deadlines and the reminders read them here alike.
/// </summary>
public static class DueItems
{
    public static async Task<IReadOnlyList<DueItem>> ListAsync(IQuerySession session, DeadlineRules rules, IReadOnlyCollection<DeadlineKind> kinds,
        Guid? streamId, DateOnly today, DateOnly horizon, TimeSpan wait, int take, CancellationToken ct)
    {
        var items = new List<DueItem>();
        // An act of refusal is counted from the explanation still awaited; plan items and retention from their records.
        var stored = kinds.Select(k => k == DeadlineKind.ActOfRefusal ? DeadlineKind.Explanation : k)
            .Where(k => k is not (DeadlineKind.PlanItemDue or DeadlineKind.Retention)).Distinct().ToArray();
        if (stored.Length > 0)
        {
            // Whatever was recorded before the question is in the answer: the daemon is waited for, not raced.
            var open = session.QueryForNonStaleData<Deadline>(wait).Where(d => (d.DueOn == null || d.DueOn <= horizon) && stored.Contains(d.Kind));
            if (streamId is { } id) open = open.Where(d => d.StreamId == id);
            var deadlines = await open.OrderBy(d => d.DueOn).ThenBy(d => d.StartsOn).Take(take).ToListAsync(ct);
            items.AddRange(await CountAsync(deadlines, session, rules.Sanctions, today, horizon, ct));
        }
        if (kinds.Contains(DeadlineKind.PlanItemDue)) items.AddRange(await PlanItemsAsync(session, streamId, today, horizon, take, ct));
        if (kinds.Contains(DeadlineKind.Retention)) items.AddRange(await RetentionAsync(session, rules.RetentionDays, streamId, today, horizon, take, ct));
        return [.. items.Where(i => kinds.Contains(i.Kind))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.Reference, StringComparer.Ordinal).ThenBy(i => i.Obligation, StringComparer.Ordinal)
            .Take(take)];
    }

    private static async Task<IReadOnlyList<DueItem>> CountAsync(IReadOnlyList<Deadline> deadlines, IQuerySession session, SanctionRules rules,
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
            items.Add(Item(deadline.Kind, deadline.StreamId, deadline.Reference, deadline.PersonnelNumber, deadline.StartsOn, due, today));
            // The explanation's last day passed with none: the act of refusal is due, on the same calendar.
            if (deadline.Kind == DeadlineKind.Explanation && today > due
                && RecordExplanationDecision.RefusalActDue(deadline.StartsOn, calendar, rules) is var actDue && actDue <= horizon)
            {
                items.Add(Item(DeadlineKind.ActOfRefusal, deadline.StreamId, deadline.Reference, deadline.PersonnelNumber, due.AddDays(1), actDue, today));
            }
        }
        return items;

        async Task<IReadOnlyList<Absence>> AbsencesAsync(string personnelNumber) =>
            absences.TryGetValue(personnelNumber, out var known)
                ? known
                : absences[personnelNumber] = await EmployeeRecords.AbsencesAsync(personnelNumber, session, ct);
    }

    /// <summary>
    /// Each responsible body's open obligations under each item, as the plan's summary judges them: an item with a term
    /// until reported executed; an item on an ongoing basis, each reporting period's report until made (the next one
    /// due, and any missed).
    /// </summary>
    private static async Task<IEnumerable<DueItem>> PlanItemsAsync(IQuerySession session, Guid? streamId, DateOnly today, DateOnly horizon, int take,
        CancellationToken ct)
    {
        var query = session.Query<ActionPlanSummary>().Where(p => p.PeriodFrom <= horizon);
        if (streamId is { } id) query = query.Where(p => p.Id == id);
        var plans = await query.OrderBy(p => p.ApprovedOn).Take(take).ToListAsync(ct);
        return plans.SelectMany(plan => plan.Obligations()
            .Where(o => o.Open && o.DueOn <= horizon)
            .Select(o => Item(DeadlineKind.PlanItemDue, plan.Id, plan.Title, null,
                o.PeriodFrom ?? plan.Items.First(i => i.Number == o.ItemNumber).AddedOn, o.DueOn, today, $"{o.ItemNumber}: {o.Body}")));
    }

    /// <summary>Closed cases whose retention period is over, or will be within the horizon, and not archived yet.</summary>
    private static async Task<IEnumerable<DueItem>> RetentionAsync(IQuerySession session, int retentionDays, Guid? streamId, DateOnly today,
        DateOnly horizon, int take, CancellationToken ct)
    {
        var closedBy = horizon.AddDays(-retentionDays - 1);
        var query = session.Query<CaseSummary>().Where(c => c.Status == CaseStatus.Closed && c.ClosedOn <= closedBy);
        if (streamId is { } id) query = query.Where(c => c.Id == id);
        var closed = await query.OrderBy(c => c.ClosedOn).Take(take).Select(c => new { c.Id, c.Number, c.ClosedOn }).ToListAsync(ct);
        return closed.Select(c => Item(DeadlineKind.Retention, c.Id, c.Number, null, c.ClosedOn!.Value,
            ArchiveClosedCasesDecision.ArchivalDue(c.ClosedOn.Value, retentionDays), today));
    }

    private static DueItem Item(DeadlineKind kind, Guid streamId, string reference, string? personnelNumber, DateOnly startsOn, DateOnly dueOn,
        DateOnly today, string? obligation = null) =>
        new(kind, streamId, reference, personnelNumber, startsOn, dueOn, dueOn < today, dueOn.DayNumber - today.DayNumber, obligation);
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
    /// Everything overdue or due within <c>days</c> days, earliest first, of the kinds the caller's roles read.
    /// Explanations, acts of refusal (the working day after an explanation's last day passed with none) and imposition
    /// limits are counted now, on the organisation's calendar and each employee's absences; an imposition limit runs
    /// from the finding, the day the offence was established. Action plan items are each body's open obligations as
    /// the plan stands; retention, the closed cases due to be archived.
    /// </summary>
    [WolverineGet("/api/deadlines", OperationId = "ListDeadlines")]
    [EndpointSummary("List overdue and coming deadlines")]
    [Authorize(Roles = Roles.DeadlineReaders)]
    public static Task<IReadOnlyList<DueItem>> Get([FromQuery] DeadlineQuery query, IQuerySession session, IOptions<SanctionRuleSettings> settings,
        IOptions<RetentionSettings> retention, RequestTime time, ClaimsPrincipal user, ProjectionWait wait, CancellationToken ct)
    {
        var kind = KebabEnum.Parse<DeadlineKind>(query.Kind);
        // Each reads the kinds of their own work: sanctions only those who may read the employee's record, plans the
        // compliance service, retention the data protection officer.
        var kinds = DeadlineAudience.VisibleTo(user).Where(k => kind is null || k == kind).ToArray();
        return DueItems.ListAsync(session, new DeadlineRules(OrganisationRules.Sanctions(session, settings), retention.Value.ClosedCaseDays), kinds,
            query.StreamId, time.Today, time.Today.AddDays(query.Days), wait.Timeout, MaxItems, ct);
    }
}
