using Cases.Domain.Public;
using Cases.Projections.Public;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Public;

public static class PublicConfiguration
{
    /// <summary>The public thread's events, and the receipts looked up by code and counted by hour.</summary>
    public static StoreOptions ConfigurePublicReports(this StoreOptions opts)
    {
        opts.Projections.Add<PublicReportProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<PublicReport>().Index(x => x.LookupId).Index(x => x.ReportedAt);
        return opts.MapEventTypes(PublicReportEventNames.Stored);
    }
}
