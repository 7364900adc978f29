using Cases.Domain.Sanctions;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class GetSanctionRulesEndpoint
{
    /// <summary>
    /// The time limits the organisation's sanctions are judged by, as configured: what a person imposing one needs to
    /// know before the rules refuse it, read from the one place the rules read them.
    /// </summary>
    [WolverineGet("/api/sanctions/rules", OperationId = "GetSanctionRules")]
    [EndpointSummary("The organisation's sanction time limits")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static SanctionRules Get(IQuerySession session, IOptions<SanctionRuleSettings> rules) => OrganisationRules.Sanctions(session, rules);
}
