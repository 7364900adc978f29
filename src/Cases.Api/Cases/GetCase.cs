using Cases.Projections.Cases;
using Wolverine.Persistence;

namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class GetCaseEndpoint
{
    /// <summary>The organisation's own case; another organisation's case is as unknown as one never registered.</summary>
    [WolverineGet("/api/cases/{caseId}", OperationId = "GetCase")]
    [EndpointSummary("Read a case")]
    [Authorize(Roles = Roles.CaseReaders)]
    public static CaseSummary Get([Entity("caseId", MissingMessage = CaseChecks.Missing)] CaseSummary summary) => summary;
}
