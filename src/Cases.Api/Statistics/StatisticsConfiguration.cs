using Cases.Projections.Statistics;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Statistics;

public static class StatisticsConfiguration
{
    /// <summary>
    /// The facts the statistics count, added up by month. Projected by the async daemon: no command reads them, and a
    /// report waits for the daemon to reach the events stored when it is asked (<see cref="StatisticsData.LoadAsync"/>).
    /// </summary>
    public static StoreOptions ConfigureStatistics(this StoreOptions opts)
    {
        opts.Projections.Add<StatisticsProjection>(ProjectionLifecycle.Async);
        // A period's figures read one organisation's months: the index leads with the organisation, so that they
        // are one range of it however many organisations and years the table holds.
        opts.Schema.For<StatisticFact>().StartIndexesByTenantId().Index(x => x.Month);
        return opts;
    }
}
