using Marten;

namespace Cases.Projections;

/// <summary>
/// The fact that started a stream: a later event relies on what it recorded (a case's number and receipt, a meeting's
/// commission, a sanction's order) rather than repeating it.
/// </summary>
public static class StreamStart
{
    public static async Task<T> OfAsync<T>(IQuerySession session, Guid streamId, CancellationToken ct = default) =>
        (await session.Events.FetchStreamAsync(streamId, version: 1, token: ct)).Select(e => e.Data).OfType<T>().Single();
}
