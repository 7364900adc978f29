using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.RiskAnalysis;

/// <summary>An action as read on a given day: overdue is judged then, never stored.</summary>
public sealed record RiskActionView(string Executor, DateOnly DueOn, DateOnly AssignedOn, RiskActionProgress? Progress, DateOnly? ReportedOn,
    DateOnly? ExecutedOn, string? Note, bool Overdue);

public sealed record IdentifiedRiskView(int Number, string Area, string Description, string Conditions, string Recommendation,
    DateOnly IdentifiedOn, RiskActionView? Action);

/// <summary>An analysis as read on the request's day, with the version to send with the next command on it.</summary>
public sealed record RiskAnalysisView(Guid Id, long Version, string Title, IReadOnlyList<string> Scope, IReadOnlyList<WorkingGroupMember> WorkingGroup,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly StartedOn, DateOnly? ApprovedOn, string? ApprovedBy, bool NoRisksFound,
    IReadOnlyList<IdentifiedRiskView> Risks, int OverdueActions, DateTimeOffset LastChangedAt)
{
    public static RiskAnalysisView Of(RiskAnalysisSummary a, DateOnly today)
    {
        IdentifiedRiskView[] risks =
        [
            .. a.Risks.Select(r => new IdentifiedRiskView(r.Number, r.Area, r.Description, r.Conditions, r.Recommendation, r.IdentifiedOn,
                r.Action is { } x ? new RiskActionView(x.Executor, x.DueOn, x.AssignedOn, x.Progress, x.ReportedOn, x.ExecutedOn, x.Note, x.OverdueOn(today)) : null))
        ];
        return new RiskAnalysisView(a.Id, a.Version, a.Title, a.Scope, a.WorkingGroup, a.PeriodFrom, a.PeriodTo, a.StartedOn, a.ApprovedOn,
            a.ApprovedBy, a.NoRisksFound, risks, risks.Count(r => r.Action?.Overdue == true), a.LastChangedAt);
    }
}

[Tags(ApiTags.RiskAnalysis)]
public static class GetRiskAnalysisEndpoint
{
    [WolverineGet("/api/risk-analyses/{analysisId}", OperationId = "GetRiskAnalysis")]
    [EndpointSummary("Read a corruption-risk analysis")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static RiskAnalysisView Get([Entity("analysisId", MissingMessage = RiskAnalysisChecks.Missing)] RiskAnalysisSummary analysis, RequestTime time) =>
        RiskAnalysisView.Of(analysis, time.Today);
}

/// <summary>Pages of the analysis list.</summary>
public sealed record RiskAnalysisQuery(int Page = 1, int PageSize = RiskAnalysisQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.RiskAnalysis)]
public static class ListRiskAnalysesEndpoint
{
    public static ProblemDetails Validate(RiskAnalysisQuery query) => new FieldErrors().Pages(query.Page, query.PageSize, RiskAnalysisQuery.MaxPageSize).ToProblem();

    /// <summary>Analyses, latest period first, a page at a time.</summary>
    [WolverineGet("/api/risk-analyses", OperationId = "ListRiskAnalyses")]
    [EndpointSummary("List corruption-risk analyses")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<Paged<RiskAnalysisView>> List([FromQuery] RiskAnalysisQuery query, IQuerySession session, RequestTime time, CancellationToken ct)
    {
        var page = await session.Query<RiskAnalysisSummary>().OrderByDescending(a => a.PeriodTo).ThenBy(a => a.Id).PageAsync(query.Page, query.PageSize, ct);
        return new Paged<RiskAnalysisView>([.. page.Items.Select(a => RiskAnalysisView.Of(a, time.Today))], page.Page, page.PageSize, page.TotalItems, page.TotalPages);
    }
}
