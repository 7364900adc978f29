using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Monitoring;

public static class MonitoringConfiguration
{
    /// <summary>
    /// A monitoring round's event, the round as a document written with it, looked up by kind and period: the list and
    /// the summary read those rows, never the streams.
    /// </summary>
    public static StoreOptions ConfigureMonitoring(this StoreOptions opts)
    {
        opts.Projections.Add<MonitoringRoundProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MonitoringRound>().Index(x => x.To).Index(x => x.From).Index(x => x.Kind);
        return opts.MapEventTypes(MonitoringEventNames.Stored);
    }
}
