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
        opts.Schema.For<StatisticFact>().Index(x => x.Month);
        return opts;
    }
}
