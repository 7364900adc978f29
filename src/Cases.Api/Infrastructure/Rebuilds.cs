using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// How many events Marten's daemon reads at a time, when projections are rebuilt (`projections rebuild`) and when the
/// audit trail catches up. Each page costs an event query, a load of the documents it touches, the reads of the
/// streams it relies on (<c>StreamHistory</c>), a write and a commit, whatever its size: Marten's default of 500 makes
/// a rebuild of a million events 2,000 pages per projection.
/// </summary>
public static class Rebuilds
{
    public const int PageSize = 5_000;

    public static StoreOptions ConfigureRebuilds(this StoreOptions opts)
    {
        foreach (var projection in opts.Projections.All) projection.Options.BatchSize = PageSize;
        return opts;
    }
}
