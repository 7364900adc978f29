using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Sanctions;

public static class GetSanctionEndpoint
{
    [WolverineGet("/api/sanctions/{sanctionId}", OperationId = "GetSanction")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static SanctionSummary Get([Entity("sanctionId", MissingMessage = SanctionChecks.Missing)] SanctionSummary sanction) => sanction;
}

/// <summary>Filters of the sanction list, all optional.</summary>
public sealed record SanctionQuery(string? PersonnelNumber = null, string? Status = null, Guid? CaseId = null);

public static class ListSanctionsEndpoint
{
    public const int MaxSanctions = 1_000;

    public static ProblemDetails Validate(SanctionQuery query) => new FieldErrors()
        .OneOf<SanctionStatus>("status", query.Status)
        .PersonnelNumber("personnelNumber", query.PersonnelNumber, required: false)
        .ToProblem();

    /// <summary>Sanctions, latest order first; at most <see cref="MaxSanctions"/>.</summary>
    [WolverineGet("/api/sanctions", OperationId = "ListSanctions")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static Task<IReadOnlyList<SanctionSummary>> List([FromQuery] SanctionQuery query, IQuerySession session, CancellationToken ct)
    {
        var sanctions = session.Query<SanctionSummary>().AsQueryable();
        if (query.PersonnelNumber is { } employee) sanctions = sanctions.Where(s => s.PersonnelNumber == employee.Trim());
        if (KebabEnum.Parse<SanctionStatus>(query.Status) is { } status) sanctions = sanctions.Where(s => s.Status == status);
        if (query.CaseId is { } caseId) sanctions = sanctions.Where(s => s.CaseId == caseId);
        return sanctions.OrderByDescending(s => s.OrderDate).Take(MaxSanctions).ToListAsync(ct);
    }
}
