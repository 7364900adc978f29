using Cases.Domain.Cases;
using Cases.Projections.Cases;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Cases;

public static class CasesConfiguration
{
    /// <summary>
    /// The case's events, the case itself kept as a snapshot written with them (a command reads that one row, not the
    /// whole stream), and the summary a case worker reads; listed by receipt and number, searched in full.
    /// </summary>
    public static StoreOptions ConfigureCases(this StoreOptions opts, ReporterDeadlines reporter)
    {
        opts.Projections.Snapshot<Case>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new CaseSummaryProjection(reporter), ProjectionLifecycle.Inline);
        opts.Schema.For<CaseSummary>()
            .Index(x => x.ReceivedOn)
            .Index(x => x.Number)
            .GinIndexJsonData();
        return opts.MapEventTypes(CaseEventNames.Stored);
    }
}
