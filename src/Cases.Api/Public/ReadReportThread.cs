using Cases.Projections.Public;
using Wolverine.Persistence;

namespace Cases.Api.Public;

[Tags(ApiTags.Public)]
public static class ReadReportThreadEndpoint
{
    /// <summary>The messages of a public report's thread, oldest first; 404 for a case not reported publicly.</summary>
    [WolverineGet("/api/cases/{caseId}/messages", OperationId = "ReadReportThread")]
    [EndpointSummary("Read a public report's thread")]
    [Authorize(Roles = $"{Roles.Investigator},{Roles.Auditor}")]
    public static IReadOnlyList<ThreadMessage> Get(
        [Entity("caseId", MissingMessage = "Case {Id} was not reported publicly, or was not found.")] PublicReport report) => report.Messages;
}
