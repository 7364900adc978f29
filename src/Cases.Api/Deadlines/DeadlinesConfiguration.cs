using Cases.Projections.Deadlines;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Deadlines;

public static class DeadlinesConfiguration
{
    /// <summary>
    /// The open deadlines, found by stream and due date. Projected by the async daemon: no command reads them, and the
    /// watch waits for the daemon to reach the events stored when it is asked (see ListDeadlines).
    /// </summary>
    public static StoreOptions ConfigureDeadlines(this StoreOptions opts, ReporterDeadlines reporter)
    {
        opts.Projections.Add(new DeadlineProjection(reporter), ProjectionLifecycle.Async);
        opts.Schema.For<Deadline>().Index(x => x.StreamId).Index(x => x.DueOn);
        return opts;
    }
}
