using Cases.Domain.Retention;
using Marten;

namespace Cases.Api.Retention;

public static class RetentionConfiguration
{
    /// <summary>The archival's events; the projections decide for themselves what an archived case leaves behind.</summary>
    public static StoreOptions ConfigureRetention(this StoreOptions opts) => opts.MapEventTypes(RetentionEventNames.Stored);
}
