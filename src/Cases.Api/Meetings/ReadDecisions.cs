using Cases.Domain.Meetings;
using Cases.Projections.Cases;
using Cases.Projections.Meetings;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Meetings;

/// <summary>Filters of the decision list, all optional. Due dates are those in force, both ends included.</summary>
public sealed record DecisionQuery(
    string? Status = null,
    bool? Unexecuted = null,
    string? Executor = null,
    Guid? CommissionId = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    int Page = 1,
    int PageSize = DecisionQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <summary>One executor's unexecuted decisions, overdue ones counted apart.</summary>
public sealed record ExecutorWorkload(string Executor, string? Organisation, int Open, int Overdue, IReadOnlyList<DecisionSummary> Decisions);

/// <summary>The period whose due decisions are counted, both ends included.</summary>
public sealed record ExecutionQuery(DateOnly? From = null, DateOnly? To = null, Guid? CommissionId = null);

[Tags(ApiTags.Decisions)]
public static class GetDecisionEndpoint
{
    [WolverineGet("/api/decisions/{decisionId}", OperationId = "GetDecision")]
    [EndpointSummary("Read a protocol decision")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static DecisionSummary Get([Entity("decisionId", MissingMessage = DecisionChecks.Missing)] DecisionSummary decision) => decision;

}

[Tags(ApiTags.Decisions)]
public static class ListDecisionsEndpoint
{
    public static ProblemDetails Validate(DecisionQuery query) => new FieldErrors()
        .OneOf<DecisionStatus>("status", query.Status)
        .Text("executor", query.Executor, required: false)
        .When(query.DueFrom > query.DueTo, "dueFrom", "Must not be after dueTo.")
        .Pages(query.Page, query.PageSize, DecisionQuery.MaxPageSize)
        .ToProblem();

    /// <summary>Decisions by due date, earliest first, a page at a time: <c>status=overdue</c> lists the overdue ones.</summary>
    [WolverineGet("/api/decisions", OperationId = "ListDecisions")]
    [EndpointSummary("List protocol decisions")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Task<Paged<DecisionSummary>> List([FromQuery] DecisionQuery query, IQuerySession session, CancellationToken ct) =>
        Filter(session, query).OrderBy(d => d.DueDate).ThenBy(d => d.ProtocolNumber).PageAsync(query.Page, query.PageSize, ct);

    public static IQueryable<DecisionSummary> Filter(IQuerySession session, DecisionQuery query)
    {
        var decisions = session.Query<DecisionSummary>().AsQueryable();
        if (KebabEnum.Parse<DecisionStatus>(query.Status) is { } status) decisions = decisions.Where(d => d.Status == status);
        if (query.Unexecuted is { } unexecuted) decisions = decisions.Where(d => d.IsExecuted != unexecuted);
        if (query.Executor is { } executor) decisions = decisions.Where(d => d.ExecutorName == executor.Trim());
        if (query.CommissionId is { } commission) decisions = decisions.Where(d => d.CommissionId == commission);
        if (query.DueFrom is { } from) decisions = decisions.Where(d => d.DueDate >= from);
        if (query.DueTo is { } to) decisions = decisions.Where(d => d.DueDate <= to);
        return decisions;
    }
}

[Tags(ApiTags.Decisions)]
public static class OpenDecisionsByExecutorEndpoint
{
    /// <summary>A workload view, not an export: beyond this many open decisions the list pages are the way.</summary>
    public const int MaxOpenDecisions = 5_000;

    /// <summary>Every unexecuted decision (up to <see cref="MaxOpenDecisions"/>), grouped by the executor who owes it.</summary>
    [WolverineGet("/api/decisions/open-by-executor", OperationId = "OpenDecisionsByExecutor")]
    [EndpointSummary("Unexecuted decisions by executor")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static async Task<IReadOnlyList<ExecutorWorkload>> ByExecutor(IQuerySession session, CancellationToken ct)
    {
        var open = await ListDecisionsEndpoint.Filter(session, new DecisionQuery(Unexecuted: true))
            .OrderBy(d => d.DueDate).Take(MaxOpenDecisions).ToListAsync(ct);
        return open.GroupBy(d => (d.Executor.Name, d.Executor.Organisation))
            .Select(g => new ExecutorWorkload(g.Key.Name, g.Key.Organisation, g.Count(), g.Count(d => d.Status == DecisionStatus.Overdue), g.ToArray()))
            .OrderByDescending(w => w.Overdue).ThenBy(w => w.Executor, StringComparer.Ordinal)
            .ToArray();
    }

}

[Tags(ApiTags.Decisions)]
public static class CaseDecisionsEndpoint
{
    /// <summary>The protocol decisions about a case, in the order they were adopted.</summary>
    [WolverineGet("/api/cases/{caseId}/decisions", OperationId = "CaseDecisions")]
    [EndpointSummary("Protocol decisions about a case")]
    [Authorize(Roles = $"{Roles.CommissionReaders},{Roles.Investigator}")]
    public static Task<IReadOnlyList<DecisionSummary>> ForCase(
        [Entity("caseId", MissingMessage = Cases.CaseChecks.Missing)] CaseSummary summary, IQuerySession session, CancellationToken ct) =>
        session.Query<DecisionSummary>().Where(d => d.CaseId == summary.Id).OrderBy(d => d.AdoptedOn).ThenBy(d => d.ProtocolNumber)
            .ToListAsync(ct);
}

[Tags(ApiTags.Decisions)]
public static class ExecutionRateEndpoint
{
    public static ProblemDetails Validate(ExecutionQuery query) => new FieldErrors()
        .When(query.From is null, "from", "Required.")
        .When(query.To is null, "to", "Required.")
        .When(query.From > query.To, "from", "Must not be after to.")
        .When(query.To?.DayNumber - query.From?.DayNumber > 366 * 10, "to", "A period of at most ten years.")
        .ToProblem();

    /// <summary>Decisions executed by their due date over decisions due in the period; see <see cref="ExecutionRate"/>.</summary>
    [WolverineGet("/api/decisions/execution-rate", OperationId = "ExecutionRate")]
    [EndpointSummary("Execution rate of a period")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    public static async Task<ExecutionRate> Rate([FromQuery] ExecutionQuery query, IQuerySession session, RequestTime time, CancellationToken ct)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        var decisions = session.Query<DecisionSummary>().Where(d => d.DueDate >= from && d.DueDate <= to);
        if (query.CommissionId is { } commission) decisions = decisions.Where(d => d.CommissionId == commission);
        var due = await decisions.Select(d => new DueDecision(d.DueDate, d.ExecutedOn)).ToListAsync(ct);
        return ExecutionRate.Compute(from, to, due, time.Today);
    }
}
