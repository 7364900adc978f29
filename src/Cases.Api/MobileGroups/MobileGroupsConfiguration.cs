using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.MobileGroups;

public static class MobileGroupsConfiguration
{
    /// <summary>
    /// A group's events, the group kept as a snapshot written with them (a command reads that one row), and the group as
    /// the compliance service reads it back, filtered by area and by the days it works.
    /// </summary>
    public static StoreOptions ConfigureMobileGroups(this StoreOptions opts)
    {
        opts.Projections.Snapshot<MobileGroup>(SnapshotLifecycle.Inline);
        opts.Projections.Add<MobileGroupDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MobileGroupDetails>().Index(x => x.Area).Index(x => x.StartsOn);
        return opts.MapEventTypes(MobileGroupEventNames.Stored);
    }
}
