using System.Data.Common;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Internal.Operations;
using Marten.Subscriptions;
using Weasel.Postgresql;
using Weasel.Storage;
using Weasel.Postgresql.Tables;

namespace Cases.Api.Audit;

/// <summary>
/// The tamper-evident chain of every organisation's events. A trigger on the events table marks each event the service
/// appends as awaiting its link (table <see cref="PendingTableName"/>), in the appending transaction; one chain writer
/// (<see cref="ChainWriter"/>) links the marked events after they commit, holding each organisation's head row only for
/// its own short transaction: links are gapless and never fork, and appends of one organisation never wait for each
/// other. Only the service's own connections (which set <c>cases.chain=on</c>) are marked, so a row written into the
/// table any other way stands out as unlinked. The algorithm is in the README.
/// </summary>
public static class HashChain
{
    public const string TableName = "cases_chain";

    /// <summary>Each organisation's last link: what the next one follows, and what a chain cut short no longer reaches.</summary>
    public const string HeadTableName = "cases_chain_head";

    /// <summary>The service's events committed and not linked yet: what the chain writer links next.</summary>
    public const string PendingTableName = "cases_chain_pending";
    public const string Setting = "cases.chain";
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    public const string Version = "cases-chain-v1";

    /// <summary>The SQL that turns an event row into the text of the canonical form's timestamp line.</summary>
    /// <summary>Empty for -infinity, the time of the placeholder rows Marten writes over the sequence numbers of a failed append.</summary>
    public const string TimestampSql = """coalesce(to_char({0}.timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '')""";

    public static Table HeadTable(string schema)
    {
        var table = new Table($"{schema}.{HeadTableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<long>("position").NotNull();
        table.AddColumn<string>("hash").NotNull();
        return table;
    }

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<long>("position").AsPrimaryKey();
        table.AddColumn<long>("seq_id").NotNull().AddIndex(i => i.IsUnique = true);
        table.AddColumn<string>("prev_hash").NotNull();
        table.AddColumn<string>("hash").NotNull();
        return table;
    }

    public static Table PendingTable(string schema)
    {
        var table = new Table($"{schema}.{PendingTableName}");
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        // When the appending transaction began: how long the oldest unlinked event has waited, whatever clock wrote it.
        table.AddColumn<DateTimeOffset>("marked").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    /// <summary>
    /// The marking function and its trigger on the events table: one insert of the rows a statement wrote, with no row
    /// shared between transactions, so appends never wait for each other here. Replaces the trigger of earlier versions,
    /// which linked in the appending transaction. Installed once Marten has created the events table (see
    /// <see cref="HashChainInstaller"/>), in one transaction under a lock, so nodes starting together agree.
    /// </summary>
    public static string TriggerSql(string schema) => $$"""
        select pg_advisory_xact_lock(hashtextextended('{{schema}}.cases_chain_link', 0));
        create or replace function {{schema}}.cases_chain_mark() returns trigger language plpgsql as $f$
        begin
          if current_setting('{{Setting}}', true) is distinct from 'on' then
            return null;
          end if;
          insert into {{schema}}.{{PendingTableName}} (seq_id, tenant_id) select seq_id, coalesce(tenant_id, '') from inserted;
          return null;
        end
        $f$;
        drop trigger if exists cases_chain_link on {{schema}}.mt_events;
        drop function if exists {{schema}}.cases_chain_link();
        drop trigger if exists cases_chain_mark on {{schema}}.mt_events;
        create trigger cases_chain_mark after insert on {{schema}}.mt_events referencing new table as inserted
          for each statement execute function {{schema}}.cases_chain_mark();
        """;

    /// <summary>
    /// Links every marked event it can see, each organisation's in sequence order, after the links already there, and
    /// removes their marks, in the caller's transaction. A transaction-scoped lock makes it the only writer of the
    /// database until it commits, whoever else runs it; the head row is created or locked and read in one statement,
    /// as before. A mark whose event row is gone is left for <c>verify</c> to report.
    /// </summary>
    public static string LinkSql(string schema) => $$"""
        do $w$
        declare
          organisation text;
          e record;
          head_position bigint;
          head_hash text;
          link_hash text;
          linked bigint[];
        begin
          perform pg_advisory_xact_lock(hashtextextended('{{schema}}.cases_chain_writer', 0));
          for organisation in select distinct tenant_id from {{schema}}.{{PendingTableName}} order by 1 loop
            insert into {{schema}}.{{HeadTableName}} as head (tenant_id, position, hash) values (organisation, 0, '{{Genesis}}')
              on conflict (tenant_id) do update set position = head.position
              returning head.position, head.hash into head_position, head_hash;
            linked := '{}';
            for e in select ev.* from {{schema}}.{{PendingTableName}} p join {{schema}}.mt_events ev on ev.seq_id = p.seq_id
                     where p.tenant_id = organisation order by p.seq_id loop
              head_position := head_position + 1;
              link_hash := encode(sha256(convert_to(head_hash || E'\n' || '{{Version}}' || E'\n' || head_position || E'\n' || organisation
                || E'\n' || e.seq_id || E'\n' || e.id || E'\n' || coalesce(e.stream_id::text, '') || E'\n' || e.version || E'\n' || e.type
                || E'\n' || {{string.Format(TimestampSql, "e")}}
                || E'\n' || coalesce(e.correlation_id, '') || E'\n' || coalesce(e.causation_id, '') || E'\n' || coalesce(e.user_name, '')
                || E'\n' || coalesce(e.headers::text, '') || E'\n' || e.data::text, 'UTF8')), 'hex');
              insert into {{schema}}.{{TableName}} (tenant_id, position, seq_id, prev_hash, hash)
                values (organisation, head_position, e.seq_id, head_hash, link_hash);
              head_hash := link_hash;
              linked := linked || e.seq_id;
            end loop;
            update {{schema}}.{{HeadTableName}} set position = head_position, hash = head_hash where tenant_id = organisation;
            delete from {{schema}}.{{PendingTableName}} where seq_id = any(linked);
          end loop;
        end
        $w$
        """;
}

/// <summary>
/// The chain writer: a subscription of Marten's async daemon, which Wolverine runs on one node of the cluster and moves
/// when that node dies. Each page of events it is handed (in sequence order, behind the high-water mark) wakes it to
/// link every marked event committed so far, in the transaction that records its progress. So an event whose sequence
/// number the high-water mark skipped, committed late, is linked with the next page, not lost.
/// </summary>
public sealed class ChainWriter : SubscriptionBase
{
    private readonly string _linkSql;

    public ChainWriter(string schema)
    {
        _linkSql = HashChain.LinkSql(schema);
        // Archived streams' events are chained too, and their pages must wake the writer like any other.
        IncludeArchivedEvents = true;
    }

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        operations.QueueOperation(new Linking(_linkSql));
        return Task.FromResult(NullChangeListener.Instance);
    }

    /// <summary>
    /// The linking block as one command of the batch that records the writer's progress: Marten's own SQL command
    /// refuses a semicolon, which a block of statements needs. It returns no rows, and says so to the batch reader.
    /// </summary>
    private sealed class Linking(string sql) : Marten.Internal.Operations.IStorageOperation, NoDataReturnedCall
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session) => builder.Append(sql);

        /// <summary>No document's: what Marten's own SQL command gives, so that the batch ensures no document table for it.</summary>
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

        public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
    }
}

/// <summary>Installs the chain's trigger in every database when the service starts, after Marten has applied its schema.</summary>
public sealed class HashChainInstaller(Infrastructure.TenantDatabases databases, string schema) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var connectionString in databases.ConnectionStrings.Values)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand(HashChain.TriggerSql(schema), connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
