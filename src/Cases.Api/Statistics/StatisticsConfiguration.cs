using Cases.Projections.Statistics;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Statistics;

public static class StatisticsConfiguration
{
    /// <summary>The facts the statistics count, written with their events and added up by month.</summary>
    public static StoreOptions ConfigureStatistics(this StoreOptions opts)
    {
        opts.Projections.Add<StatisticsProjection>(ProjectionLifecycle.Inline);
        // A period's figures read one organisation's months: the index leads with the organisation, so that they
        // are one range of it however many organisations and years the table holds.
        opts.Schema.For<StatisticFact>().StartIndexesByTenantId().Index(x => x.Month);
        return opts;
    }
}
