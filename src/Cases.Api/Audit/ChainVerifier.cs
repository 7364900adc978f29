using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Cases.Api.Infrastructure;
using Npgsql;

namespace Cases.Api.Audit;

/// <summary>One link of the chain with the event it covers, in the text form the hash is taken over.</summary>
public sealed record ChainLink(
    long Position,
    string Organisation,
    long SeqId,
    string PrevHash,
    string Hash,
    string? EventId,
    string StreamId,
    long Version,
    string Type,
    string Timestamp,
    string CorrelationId,
    string CausationId,
    string UserName,
    string Headers,
    string Data)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool EventPresent => EventId is not null;

    /// <summary>The canonical form: the README gives it line by line.</summary>
    public string Canonical() => string.Join('\n', HashChain.Version, Position, Organisation, SeqId, EventId, StreamId, Version, Type,
        Timestamp, CorrelationId, CausationId, UserName, Headers, Data);

    public string ExpectedHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PrevHash + "\n" + Canonical())));
}

public enum ChainProblem
{
    /// <summary>The event's row no longer hashes to its link: it was changed.</summary>
    EventAltered,

    /// <summary>The link's event is gone: it was deleted.</summary>
    EventMissing,

    /// <summary>An event row has no link: it was written into the table other than by the service.</summary>
    EventNotChained,

    /// <summary>The link does not follow the one before: links were removed, inserted or rewritten.</summary>
    LinkBroken
}

public sealed record BrokenLink(long Position, long? SeqId, ChainProblem Problem, string Detail);

/// <summary>
/// The organisation's events the service appended and the chain writer has not linked yet: no break, the writer's lag.
/// How many, the sequence number of the oldest, and how long ago its append began.
/// </summary>
public sealed record AwaitingLink(long Events, long OldestSeqId, double OldestSeconds);

/// <summary>
/// What verifying one organisation's chain found: how far it holds, its head, the first break if any, and the events
/// that await their link (null when none do).
/// </summary>
public sealed record ChainReport(string Organisation, long Links, string HeadHash, bool Intact, BrokenLink? FirstBroken, double Seconds,
    AwaitingLink? AwaitingLink);

/// <summary>Checks an organisation's whole chain, link by link, in constant memory, in the organisation's own database.</summary>
public sealed class ChainVerifier(TenantDatabases databases, string schema)
{
    private string LinksSql => $"""
        select c.position, c.tenant_id, c.seq_id, c.prev_hash, c.hash, e.id::text, coalesce(e.stream_id::text, ''), coalesce(e.version, 0),
               coalesce(e.type, ''), {string.Format(HashChain.TimestampSql, "e")}, coalesce(e.correlation_id, ''),
               coalesce(e.causation_id, ''), coalesce(e.user_name, ''), coalesce(e.headers::text, ''), coalesce(e.data::text, '')
        from {schema}.{HashChain.TableName} c left join {schema}.mt_events e on e.seq_id = c.seq_id
        where c.tenant_id = @organisation
        order by c.position
        """;

    public async IAsyncEnumerable<ChainLink> LinksAsync(string organisation, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(databases.ConnectionStringOf(organisation));
        await connection.OpenAsync(ct);
        await foreach (var link in LinksAsync(connection, organisation, ct)) yield return link;
    }

    private async IAsyncEnumerable<ChainLink> LinksAsync(NpgsqlConnection connection, string organisation, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(LinksSql, connection) { Parameters = { new("organisation", organisation) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new ChainLink(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetString(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11), reader.GetString(12), reader.GetString(13), reader.GetString(14));
        }
    }

    /// <summary>
    /// Every organisation with events or links, in any database. Each is verified in the database it is placed on, so
    /// one whose rows sit in another database (moved there by hand) shows as a chain with its events missing.
    /// </summary>
    public async Task<IReadOnlyList<string>> OrganisationsAsync(CancellationToken ct)
    {
        var organisations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var connectionString in databases.ConnectionStrings.Values)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"select distinct tenant_id from {schema}.mt_events union select distinct tenant_id from {schema}.{HashChain.TableName}", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) organisations.Add(reader.GetString(0));
        }
        return [.. organisations];
    }

    /// <summary>
    /// Reads the links, the head, the marks and the events in one snapshot, so that the chain writer committing meanwhile
    /// never makes the chain look cut short, nor a marked event look unlinked.
    /// </summary>
    public async Task<ChainReport> VerifyAsync(string organisation, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(databases.ConnectionStringOf(organisation));
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var previous = HashChain.Genesis;
        long expectedPosition = 1, links = 0;
        BrokenLink? broken = null;
        await foreach (var link in LinksAsync(connection, organisation, ct))
        {
            links++;
            broken ??= link.Position != expectedPosition || link.PrevHash != previous
                ? new BrokenLink(link.Position, link.SeqId, ChainProblem.LinkBroken,
                    $"Link {link.Position} does not follow link {expectedPosition - 1}.")
                : !link.EventPresent
                    ? new BrokenLink(link.Position, link.SeqId, ChainProblem.EventMissing, $"The event of link {link.Position} (sequence {link.SeqId}) is gone.")
                    : link.ExpectedHash() != link.Hash
                        ? new BrokenLink(link.Position, link.SeqId, ChainProblem.EventAltered,
                            $"The event of link {link.Position} (sequence {link.SeqId}) is not what was chained.")
                        : null;
            previous = link.Hash;
            expectedPosition = link.Position + 1;
        }
        broken ??= await HeadMismatchAsync(connection, organisation, links, previous, ct);
        broken = Earliest(broken, await FirstUnchainedAsync(connection, organisation, ct));
        var (awaiting, orphan) = await AwaitingLinkAsync(connection, organisation, links, ct);
        broken = Earliest(broken, orphan);
        return new ChainReport(organisation, links, previous, broken is null, broken,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, awaiting);
    }

    /// <summary>
    /// The marked events not linked yet, and the first mark whose event row is gone: an event deleted before the writer
    /// reached it, which no link can cover, so it is a break where its link would have been.
    /// </summary>
    private async Task<(AwaitingLink?, BrokenLink?)> AwaitingLinkAsync(NpgsqlConnection connection, string organisation, long links,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select count(*), min(p.seq_id), extract(epoch from now() - min(p.marked))::float8,
                   min(p.seq_id) filter (where not exists (select 1 from {schema}.mt_events e where e.seq_id = p.seq_id))
            from {schema}.{HashChain.PendingTableName} p
            where p.tenant_id = @organisation
            """, connection) { Parameters = { new("organisation", organisation) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var awaiting = reader.GetInt64(0) == 0 ? null : new AwaitingLink(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
        var orphan = reader.IsDBNull(3) ? null : new BrokenLink(links + 1, reader.GetInt64(3), ChainProblem.EventMissing,
            $"Event sequence {reader.GetInt64(3)} was appended by the service and is gone before it was linked.");
        return (awaiting, orphan);
    }

    /// <summary>The chain must end where its head says: links cut from its end leave the head pointing past them.</summary>
    private async Task<BrokenLink?> HeadMismatchAsync(NpgsqlConnection connection, string organisation, long links, string lastHash,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select position, hash from {schema}.{HashChain.HeadTableName} where tenant_id = @organisation",
            connection) { Parameters = { new("organisation", organisation) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (position, hash) = await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0L, HashChain.Genesis);
        return position == links && hash == lastHash
            ? null
            : new BrokenLink(Math.Min(position, links) + 1, null, ChainProblem.LinkBroken,
                $"The chain ends at link {links}, but its head is link {position}: links were removed from its end.");
    }

    private static BrokenLink? Earliest(BrokenLink? a, BrokenLink? b) => a is null ? b : b is null ? a : a.Position <= b.Position ? a : b;

    /// <summary>The first event row with neither a link nor the service's mark, placed at the link it comes before.</summary>
    private async Task<BrokenLink?> FirstUnchainedAsync(NpgsqlConnection connection, string organisation, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select e.seq_id,
                   coalesce((select min(c.position) from {schema}.{HashChain.TableName} c where c.tenant_id = @organisation and c.seq_id > e.seq_id),
                            (select coalesce(max(c.position), 0) + 1 from {schema}.{HashChain.TableName} c where c.tenant_id = @organisation))
            from {schema}.mt_events e
            where e.tenant_id = @organisation
              and not exists (select 1 from {schema}.{HashChain.TableName} c where c.seq_id = e.seq_id)
              and not exists (select 1 from {schema}.{HashChain.PendingTableName} p where p.seq_id = e.seq_id)
            order by e.seq_id limit 1
            """, connection) { Parameters = { new("organisation", organisation) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new BrokenLink(reader.GetInt64(1), reader.GetInt64(0), ChainProblem.EventNotChained,
                $"Event sequence {reader.GetInt64(0)} has no link; it was written before link {reader.GetInt64(1)} without the service.")
            : null;
    }
}
