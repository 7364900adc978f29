using Weasel.Postgresql.Tables;

namespace Cases.Api.Audit;

/// <summary>
/// The tamper-evident chain of every organisation's events. A trigger on the events table links each event the
/// service appends, in the appending transaction, holding the organisation's head row: links are gapless and never
/// fork, however appends race. Only the service's own connections (which set <c>cases.chain=on</c>) are chained, so a row
/// written into the table any other way stands out as unlinked. The algorithm is in the README.
/// </summary>
public static class HashChain
{
    public const string TableName = "cases_chain";

    /// <summary>Each organisation's last link: what the next one follows, and what a chain cut short no longer reaches.</summary>
    public const string HeadTableName = "cases_chain_head";
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

    /// <summary>
    /// The linking function and its trigger on the events table. A statement-level trigger links all the rows an
    /// insert wrote, in sequence order, taking each organisation's head row for update: one lookup per statement
    /// whatever the chain's length, and racing transactions queue on the head. Installed once Marten has created
    /// the events table (see <see cref="HashChainInstaller"/>), in one transaction under a lock, so nodes starting
    /// together agree.
    /// </summary>
    public static string TriggerSql(string schema) => $$"""
        select pg_advisory_xact_lock(hashtextextended('{{schema}}.cases_chain_link', 0));
        create or replace function {{schema}}.cases_chain_link() returns trigger language plpgsql as $f$
        declare
          organisation text;
          e record;
          head_position bigint;
          head_hash text;
          link_hash text;
        begin
          if current_setting('{{Setting}}', true) is distinct from 'on' then
            return null;
          end if;
          for organisation in select distinct coalesce(tenant_id, '') from inserted order by 1 loop
            -- One statement creates the head or locks the committed one, and reads it, even when the first links race.
            insert into {{schema}}.{{HeadTableName}} as head (tenant_id, position, hash) values (organisation, 0, '{{Genesis}}')
              on conflict (tenant_id) do update set position = head.position
              returning head.position, head.hash into head_position, head_hash;
            for e in select * from inserted where coalesce(tenant_id, '') = organisation order by seq_id loop
              head_position := head_position + 1;
              link_hash := encode(sha256(convert_to(head_hash || E'\n' || '{{Version}}' || E'\n' || head_position || E'\n' || organisation
                || E'\n' || e.seq_id || E'\n' || e.id || E'\n' || coalesce(e.stream_id::text, '') || E'\n' || e.version || E'\n' || e.type
                || E'\n' || {{string.Format(TimestampSql, "e")}}
                || E'\n' || coalesce(e.correlation_id, '') || E'\n' || coalesce(e.causation_id, '') || E'\n' || coalesce(e.user_name, '')
                || E'\n' || coalesce(e.headers::text, '') || E'\n' || e.data::text, 'UTF8')), 'hex');
              insert into {{schema}}.{{TableName}} (tenant_id, position, seq_id, prev_hash, hash)
                values (organisation, head_position, e.seq_id, head_hash, link_hash);
              head_hash := link_hash;
            end loop;
            update {{schema}}.{{HeadTableName}} set position = head_position, hash = head_hash where tenant_id = organisation;
          end loop;
          return null;
        end
        $f$;
        drop trigger if exists cases_chain_link on {{schema}}.mt_events;
        create trigger cases_chain_link after insert on {{schema}}.mt_events referencing new table as inserted
          for each statement execute function {{schema}}.cases_chain_link();
        """;
}

/// <summary>Installs the chain's trigger when the service starts, after Marten has applied its schema.</summary>
public sealed class HashChainInstaller(string connectionString, string schema) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(HashChain.TriggerSql(schema), connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
