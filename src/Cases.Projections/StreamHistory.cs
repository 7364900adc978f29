using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Events.Archiving;

namespace Cases.Projections;

/// <summary>
/// The earlier events of the streams a page of events relies on (a case's registration, a sanction's order, a
/// meeting's commission), read in one query for the whole page rather than one per event, so that a rebuild runs at
/// the speed of the database. The page's own events count too: appended in this very transaction, they may not be
/// readable yet. Archived streams are read as well, which projections still replay (the statistics of past periods).
/// </summary>
public sealed class StreamHistory
{
    private readonly Dictionary<Guid, IEvent[]> streams;

    private StreamHistory(Dictionary<Guid, IEvent[]> streams) => this.streams = streams;

    /// <summary>The first fact of <paramref name="streamId"/>.</summary>
    public T Start<T>(Guid streamId) => streams[streamId].Where(e => e.Version == 1).Select(e => e.Data).OfType<T>().Single();

    /// <summary>The facts of <paramref name="streamId"/> before <paramref name="version"/>, oldest first.</summary>
    public IReadOnlyList<object> Before(Guid streamId, long version) =>
        [.. streams[streamId].TakeWhile(e => e.Version < version).Select(e => e.Data)];

    /// <summary>
    /// The aggregate <typeparamref name="T"/> of <paramref name="streamId"/> as it stood before <paramref name="version"/>,
    /// folded by Marten's own aggregator for it, the one that keeps its snapshot, from the events already read.
    /// </summary>
    public ValueTask<T?> AggregateBeforeAsync<T>(IQuerySession session, Guid streamId, long version, CancellationToken ct = default) where T : class =>
        ((StoreOptions)session.DocumentStore.Options).Projections.AggregatorFor<T>()
        .BuildAsync([.. streams[streamId].TakeWhile(e => e.Version < version)], session, null, ct);

    private bool Holds(Guid streamId) => streams.ContainsKey(streamId);

    public static async Task<StreamHistory> LoadAsync(IQuerySession session, IReadOnlyList<IEvent> page, IReadOnlyCollection<Guid> streamIds, CancellationToken ct)
    {
        var ids = streamIds.Distinct().ToArray();
        var stored = ids.Length == 0
            ? []
            : await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId) && e.MaybeArchived()).ToListAsync(ct);
        var byStream = stored.Concat(page.Where(e => ids.Contains(e.StreamId)))
            .GroupBy(e => e.StreamId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(e => e.Version).OrderBy(e => e.Version).ToArray());
        foreach (var id in ids) byStream.TryAdd(id, []);
        return new StreamHistory(byStream);
    }

    /// <summary>
    /// The histories a projection read for its pages, by event: read once per page (see <see cref="PrefetchAsync"/>),
    /// or for the one event when no page was read ahead.
    /// </summary>
    public sealed class Pages(Func<IEvent, Guid?> streamOf)
    {
        private readonly ConditionalWeakTable<IEvent, StreamHistory> read = new();

        /// <summary>Reads in one query the streams every event of <paramref name="page"/> relies on.</summary>
        public async Task PrefetchAsync(IQuerySession session, IReadOnlyList<IEvent> page, CancellationToken ct)
        {
            var ids = page.Select(streamOf).OfType<Guid>().ToArray();
            if (ids.Length == 0) return;
            var history = await LoadAsync(session, page, ids, ct);
            foreach (var e in page.Where(e => streamOf(e) is not null)) read.AddOrUpdate(e, history);
        }

        /// <summary>The history of the stream <paramref name="e"/> relies on: its page's, or read now.</summary>
        public async Task<StreamHistory> OfAsync(IQuerySession session, IEvent e, CancellationToken ct = default)
        {
            var streamId = streamOf(e) ?? throw new InvalidOperationException($"{e.EventTypeName} relies on no other stream.");
            return read.TryGetValue(e, out var history) && history.Holds(streamId)
                ? history
                : await LoadAsync(session, [e], [streamId], ct);
        }
    }
}
