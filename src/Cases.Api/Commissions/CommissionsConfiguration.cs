using Cases.Domain.Commissions;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Commissions;

public static class CommissionsConfiguration
{
    /// <summary>A commission's events, and the commission itself kept as a snapshot written with them.</summary>
    public static StoreOptions ConfigureCommissions(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Commission>(SnapshotLifecycle.Inline);
        return opts.MapEventTypes(CommissionEventNames.Stored);
    }
}
