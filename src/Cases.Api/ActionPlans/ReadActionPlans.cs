using Cases.Domain;
using Cases.Domain.ActionPlans;
using Cases.Projections.ActionPlans;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.ActionPlans;

/// <summary>
/// A body's standing on an item as read on a given day: its latest report, and the last days it has missed (the item's
/// own, or its ongoing periods'), never stored.
/// </summary>
public sealed record PlanItemBodyView(string Body, string? Organisation, PlanItemProgress? Progress, DateOnly? ReportedOn, bool Overdue,
    IReadOnlyList<DateOnly> MissedDueDates);

/// <summary>
/// A term as answered, every field present and null where its kind has none (the request's optional fields would be
/// described as never null).
/// </summary>
public sealed record TermView(TermKind Kind, DateOnly? Date, int? Year, int? Part, ReportingRhythm? Reporting)
{
    public static TermView Of(Term term) => new(term.Kind, term.Date, term.Year, term.Part, term.Reporting);
}

/// <summary>An item with its term's last day (none for an ongoing one), its reports, and each responsible body's standing.</summary>
public sealed record PlanItemView(int Number, string Text, IReadOnlyList<ResponsibleBody> Responsible, TermView Term, string? Indicator, DateOnly AddedOn,
    DateOnly? LastDay, IReadOnlyList<PlanItemReport> Reports, IReadOnlyList<PlanItemBodyView> Bodies, bool Overdue);

/// <summary>A plan as read on the request's day, with the version to send with the next command on it and its execution so far.</summary>
public sealed record ActionPlanView(Guid Id, long Version, string Title, string? Implements, DateOnly PeriodFrom, DateOnly PeriodTo, string ApprovedBy,
    DateOnly ApprovedOn, IReadOnlyList<PlanItemView> Items, PlanExecution Execution, DateTimeOffset LastChangedAt)
{
    public static ActionPlanView Of(ActionPlanSummary plan, DateOnly today)
    {
        PlanItemView[] items =
        [
            .. plan.Items.OrderBy(i => i.Number).Select(item =>
            {
                var obligations = item.Obligations(plan).ToArray();
                PlanItemBodyView[] bodies =
                [
                    .. item.Responsible.Select(body =>
                    {
                        var own = obligations.Where(o => o.Body == body).ToArray();
                        var latest = item.Reports.LastOrDefault(r => new ResponsibleBody(r.Body, r.Organisation) == body);
                        DateOnly[] missed = [.. own.Where(o => o.OverdueOn(today)).Select(o => o.DueOn)];
                        return new PlanItemBodyView(body.Body, body.Organisation, latest?.Progress, latest?.ReportedOn, missed.Length > 0, missed);
                    })
                ];
                return new PlanItemView(item.Number, item.Text, item.Responsible, TermView.Of(item.Term), item.Indicator, item.AddedOn, item.Term.LastDay, item.Reports,
                    bodies, bodies.Any(b => b.Overdue));
            })
        ];
        return new ActionPlanView(plan.Id, plan.Version, plan.Title, plan.Implements, plan.PeriodFrom, plan.PeriodTo, plan.ApprovedBy, plan.ApprovedOn,
            items, PlanExecution.Compute(plan.Obligations(), null, null, today), plan.LastChangedAt);
    }
}

[Tags(ApiTags.ActionPlans)]
public static class GetActionPlanEndpoint
{
    [WolverineGet("/api/action-plans/{planId}", OperationId = "GetActionPlan")]
    [EndpointSummary("Read an action plan")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static ActionPlanView Get([Entity("planId", MissingMessage = ActionPlanChecks.Missing)] ActionPlanSummary plan, RequestTime time) =>
        ActionPlanView.Of(plan, time.Today);
}

/// <summary>The window of the obligations counted: those whose last day falls in it; both ends optional.</summary>
public sealed record PlanExecutionQuery(DateOnly? From = null, DateOnly? To = null);

[Tags(ApiTags.ActionPlans)]
public static class GetPlanExecutionEndpoint
{
    public static ProblemDetails Validate(PlanExecutionQuery query) =>
        new FieldErrors().When(query.To < query.From, "to", "Must not be before from.").ToProblem();

    /// <summary>
    /// Obligations falling due in the window, judged on the request's day: due, executed, overdue, not yet due and the
    /// rate, in total and per responsible body.
    /// </summary>
    [WolverineGet("/api/action-plans/{planId}/execution", OperationId = "GetPlanExecution")]
    [EndpointSummary("Execution of an action plan")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static PlanExecution Get([Entity("planId", MissingMessage = ActionPlanChecks.Missing)] ActionPlanSummary plan, [FromQuery] PlanExecutionQuery query,
        RequestTime time) =>
        PlanExecution.Compute(plan.Obligations(), query.From, query.To, time.Today);
}

/// <summary>Filters of the plan list, all optional: plans whose period overlaps the window.</summary>
public sealed record ActionPlanQuery(DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = ActionPlanQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.ActionPlans)]
public static class ListActionPlansEndpoint
{
    public static ProblemDetails Validate(ActionPlanQuery query) => new FieldErrors()
        .When(query.To < query.From, "to", "Must not be before from.")
        .Pages(query.Page, query.PageSize, ActionPlanQuery.MaxPageSize)
        .ToProblem();

    /// <summary>Plans whose period overlaps the window, latest period first, a page at a time.</summary>
    [WolverineGet("/api/action-plans", OperationId = "ListActionPlans")]
    [EndpointSummary("List action plans")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<Paged<ActionPlanView>> List([FromQuery] ActionPlanQuery query, IQuerySession session, RequestTime time, CancellationToken ct)
    {
        var plans = session.Query<ActionPlanSummary>().AsQueryable();
        if (query.From is { } from) plans = plans.Where(p => p.PeriodTo >= from);
        if (query.To is { } to) plans = plans.Where(p => p.PeriodFrom <= to);
        var page = await plans.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Id).PageAsync(query.Page, query.PageSize, ct);
        return new Paged<ActionPlanView>([.. page.Items.Select(p => ActionPlanView.Of(p, time.Today))], page.Page, page.PageSize, page.TotalItems, page.TotalPages);
    }
}
