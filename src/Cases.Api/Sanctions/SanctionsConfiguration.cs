using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Sanctions;

public static class SanctionsConfiguration
{
    /// <summary>
    /// A sanction's events, the sanction kept as a snapshot written with them (a command reads that one row, not the
    /// whole stream), and the sanction as HR follows it, looked up by employee and case.
    /// </summary>
    public static StoreOptions ConfigureSanctions(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Sanction>(SnapshotLifecycle.Inline);
        opts.Projections.Add<SanctionSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<SanctionSummary>().Index(x => x.PersonnelNumber).Index(x => x.CaseId);
        return opts.MapEventTypes(SanctionEventNames.Stored);
    }
}
