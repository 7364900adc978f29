using Cases.Domain.Commissions;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Commissions;

[Tags(ApiTags.Commissions)]
public static class ReadCommissionsEndpoint
{
    /// <summary>The commission with its whole composition over time, each member with their period in office.</summary>
    [WolverineGet("/api/commissions/{commissionId}", OperationId = "GetCommission")]
    [EndpointSummary("Read a commission")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Commission Get([Entity("commissionId", MissingMessage = CommissionChecks.Missing)] Commission commission) => commission;

    [WolverineGet("/api/commissions", OperationId = "ListCommissions")]
    [EndpointSummary("List commissions")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Task<IReadOnlyList<Commission>> List(IQuerySession session, CancellationToken ct) =>
        session.Query<Commission>().OrderBy(c => c.Name).ToListAsync(ct);
}
