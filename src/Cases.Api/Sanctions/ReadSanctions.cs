using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class GetSanctionEndpoint
{
    [WolverineGet("/api/sanctions/{sanctionId}", OperationId = "GetSanction")]
    [EndpointSummary("Read a sanction")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static SanctionSummary Get([Entity("sanctionId", MissingMessage = SanctionChecks.Missing)] SanctionSummary sanction) => sanction;
}

/// <summary>Filters of the sanction list, all optional.</summary>
public sealed record SanctionQuery(string? PersonnelNumber = null, string? Status = null, Guid? CaseId = null, int Page = 1,
    int PageSize = SanctionQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.Sanctions)]
public static class ListSanctionsEndpoint
{
    public static ProblemDetails Validate(SanctionQuery query) => new FieldErrors()
        .OneOf<SanctionStatus>("status", query.Status)
        .PersonnelNumber("personnelNumber", query.PersonnelNumber, required: false)
        .Pages(query.Page, query.PageSize, SanctionQuery.MaxPageSize)
        .ToProblem();

    /// <summary>Sanctions, latest order first, a page at a time.</summary>
    [WolverineGet("/api/sanctions", OperationId = "ListSanctions")]
    [EndpointSummary("List sanctions")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static Task<Paged<SanctionSummary>> List([FromQuery] SanctionQuery query, IQuerySession session, CancellationToken ct)
    {
        var sanctions = session.Query<SanctionSummary>().AsQueryable();
        if (query.PersonnelNumber is { } employee) sanctions = sanctions.Where(s => s.PersonnelNumber == employee.Trim());
        if (KebabEnum.Parse<SanctionStatus>(query.Status) is { } status) sanctions = sanctions.Where(s => s.Status == status);
        if (query.CaseId is { } caseId) sanctions = sanctions.Where(s => s.CaseId == caseId);
        return sanctions.OrderByDescending(s => s.OrderDate).ThenBy(s => s.Id).PageAsync(query.Page, query.PageSize, ct);
    }
}
