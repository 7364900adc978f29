using Marten;
using Marten.Events.Archiving;

namespace Cases.Projections;

/// <summary>
/// The fact that started a stream: a later event relies on what it recorded (a case's number and receipt, a meeting's
/// commission, a sanction's order) rather than repeating it. Found in archived streams too, which projections still
/// replay (the statistics of past periods).
/// </summary>
public static class StreamStart
{
    public static async Task<T> OfAsync<T>(IQuerySession session, Guid streamId, CancellationToken ct = default) =>
        (await session.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId && e.Version == 1 && e.MaybeArchived()).ToListAsync(ct))
        .Select(e => e.Data).OfType<T>().Single();
}
