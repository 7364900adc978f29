using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// A field of a stored event as the event store holds it, read from the row itself rather than through the serializer,
/// which reads a value outside the contract as <c>Unknown</c>: what a correction records as the value it mends.
/// </summary>
public static class StoredValues
{
    /// <summary>The field (its camelCase JSON name) of the stream's latest event of the type, and that event's sequence.</summary>
    public static async Task<StoredValue> OfAsync(IQuerySession session, Guid streamId, string eventType, string field, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var found = await session.AdvancedSql.QueryAsync<StoredValue>($"""
            select jsonb_build_object('sequence', seq_id, 'json', coalesce((data -> ?)::text, 'null'))
            from {schema}.mt_events
            where tenant_id = ? and stream_id = ? and type = ?
            order by version desc
            limit 1
            """, ct, field, session.TenantId, streamId, eventType);
        return found.SingleOrDefault()
               ?? throw new InvalidOperationException($"Stream {streamId} has no {eventType} event.");
    }
}
