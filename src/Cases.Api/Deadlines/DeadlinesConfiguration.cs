using Cases.Projections.Deadlines;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Deadlines;

public static class DeadlinesConfiguration
{
    /// <summary>The open deadlines, written with the facts that open and close them, found by stream and due date.</summary>
    public static StoreOptions ConfigureDeadlines(this StoreOptions opts, ReporterDeadlines reporter)
    {
        opts.Projections.Add(new DeadlineProjection(reporter), ProjectionLifecycle.Inline);
        opts.Schema.For<Deadline>().Index(x => x.StreamId).Index(x => x.DueOn);
        return opts;
    }
}
