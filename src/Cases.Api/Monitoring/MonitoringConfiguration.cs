using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Monitoring;

public static class MonitoringConfiguration
{
    /// <summary>
    /// A monitoring round's events, the round as a document written with them, looked up by kind and period: the list
    /// and the summary read those rows, never the streams. A correction or a withdrawal decides on the round's few
    /// events aggregated live (<see cref="MonitoringRecord"/>): no snapshot to keep, none missing for rounds recorded before.
    /// </summary>
    public static StoreOptions ConfigureMonitoring(this StoreOptions opts)
    {
        opts.Projections.Add<MonitoringRoundProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MonitoringRound>().Index(x => x.To).Index(x => x.From).Index(x => x.Kind);
        return opts.MapEventTypes(MonitoringEventNames.Stored);
    }
}
