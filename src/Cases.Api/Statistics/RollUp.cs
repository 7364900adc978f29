using System.Globalization;
using Cases.Api.Localization;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Statistics;

public sealed record OrganisationLine(string Organisation, string Name, StatisticLine Figures);

/// <summary>The figures of an organisation and those it oversees: all of them together, and each one's own line.</summary>
public sealed record RollUpReport(DateOnly From, DateOnly To, StatisticLine Total, IReadOnlyList<OrganisationLine> Organisations);

[Tags(ApiTags.Statistics)]
public static class ReadRollUpEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    /// <summary>
    /// For a regional role: its organisation's figures and those of every organisation it oversees
    /// (<c>Organisations:Oversees</c>), each read in that organisation's own scope.
    /// </summary>
    [WolverineGet("/api/statistics/rollup", OperationId = "ReadRollUp")]
    [EndpointSummary("Figures of the organisations overseen")]
    [Authorize(Roles = Roles.Regional)]
    [Localized]
    public static async Task<RollUpReport> Get([FromQuery] StatisticsQuery query, IQuerySession session, IDocumentStore store,
        IOptions<OrganisationSettings> organisations, OrganisationClock clock, RequestTime time, HttpResponse response, ProjectionWait wait, CancellationToken ct)
    {
        Languages.Answered(response);
        var parts = new List<(string Organisation, StatisticsData Data)>();
        foreach (var organisation in organisations.Value.OverseenBy(session.TenantId).Prepend(session.TenantId).Distinct())
        {
            await using var scoped = store.QuerySession(organisation);
            parts.Add((organisation, await StatisticsData.LoadAsync(scoped, wait, query.FirstMonth, query.LastMonth, ct)));
        }
        // Each organisation's decisions are judged due or not on its own calendar day; the total on the caller's.
        var total = StatisticsData.Merge(query.FirstMonth, query.LastMonth, parts.Select(p => p.Data).ToArray()).Report(time.Today);
        return new RollUpReport(total.From, total.To, total.Total,
            parts.Select(p => new OrganisationLine(p.Organisation, organisations.Value.NameOf(p.Organisation, CultureInfo.CurrentUICulture),
                p.Data.Report(clock.For(p.Organisation).Today).Total)).ToArray());
    }
}
