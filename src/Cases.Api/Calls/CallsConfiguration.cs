using Cases.Domain.Calls;
using Cases.Projections.Calls;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Calls;

public static class CallsConfiguration
{
    /// <summary>The lines as configured and each line's logged days, written with their events; days found by date.</summary>
    public static StoreOptions ConfigureCalls(this StoreOptions opts)
    {
        opts.Projections.Snapshot<CallLine>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CallDay>(SnapshotLifecycle.Inline);
        opts.Schema.For<CallDay>().Index(x => x.Date);
        return opts.MapEventTypes(CallEventNames.Stored);
    }
}
