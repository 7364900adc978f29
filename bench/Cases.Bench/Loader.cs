using System.Text.Json;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace Cases.Bench;

/// <summary>
/// Writes generated streams straight into Marten's event tables with PostgreSQL's binary COPY, serialised by the
/// service's own store (same JSON, same event type names). No projection runs and nothing is chained: the
/// projections are rebuilt afterwards, which is the rebuild measurement.
/// </summary>
public sealed class Loader(DocumentStore store, string connectionString, string schema)
{
    private const int Batch = 20_000;

    public async Task<long> CountAsync() => (long)(await ScalarAsync($"select count(*) from {schema}.mt_events"))!;

    /// <summary>Loads organisations from <paramref name="firstOrganisation"/> on until the store holds at least <paramref name="target"/> events.</summary>
    public async Task<int> LoadUntilAsync(long target, int firstOrganisation)
    {
        var count = await CountAsync();
        var organisation = firstOrganisation;
        var pending = new List<GeneratedStream>();
        var pendingEvents = 0;
        while (count + pendingEvents < target)
        {
            foreach (var stream in Generator.For(organisation))
            {
                pending.Add(stream);
                pendingEvents += stream.Events.Count;
            }
            organisation++;
            if (pendingEvents < Batch && count + pendingEvents < target) continue;
            await WriteAsync(pending);
            count += pendingEvents;
            pending.Clear();
            pendingEvents = 0;
        }
        return organisation;
    }

    private async Task WriteAsync(IReadOnlyList<GeneratedStream> streams)
    {
        var events = streams.Sum(s => s.Events.Count);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The sequence hands out one block for the whole batch, as Marten's own appends would one by one.
        var last = (long)(await new NpgsqlCommand($"select setval('{schema}.mt_events_sequence', nextval('{schema}.mt_events_sequence') + {events - 1})",
            connection, transaction).ExecuteScalarAsync())!;
        var seq = last - events + 1;

        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.mt_streams (tenant_id, id, type, version, timestamp, created) from stdin (format binary)"))
        {
            foreach (var s in streams)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Type, NpgsqlDbType.Varchar);
                await writer.WriteAsync((long)s.Events.Count, NpgsqlDbType.Bigint);
                await writer.WriteAsync(s.Events[^1].Time, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(s.Events[0].Time, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }

        var serializer = store.Options.Serializer();
        var graph = (EventGraph)store.Options.Events;
        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, headers, user_name) from stdin (format binary)"))
        {
            foreach (var s in streams)
            {
                var version = 0L;
                foreach (var e in s.Events)
                {
                    var mapping = graph.EventMappingFor(e.Data.GetType());
                    await writer.StartRowAsync();
                    await writer.WriteAsync(seq++, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(++version, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb);
                    await writer.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(e.Time, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["roles"] = e.Roles }), NpgsqlDbType.Jsonb);
                    await writer.WriteAsync(e.User, NpgsqlDbType.Varchar);
                }
            }
            await writer.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
    }
}
