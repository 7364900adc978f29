using Weasel.Postgresql.Tables;

namespace Cases.Api.Audit;

/// <summary>
/// The tamper-evident chain of every organisation's events. A trigger on the events table links each event the
/// service appends, in the appending transaction, under a per-organisation lock: links are gapless and never fork,
/// however appends race. Only the service's own connections (which set <c>cases.chain=on</c>) are chained, so a row
/// written into the table any other way stands out as unlinked. The algorithm is in the README.
/// </summary>
public static class HashChain
{
    public const string TableName = "cases_chain";
    public const string Setting = "cases.chain";
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    public const string Version = "cases-chain-v1";

    /// <summary>The SQL that turns an event row into the text of the canonical form's timestamp line.</summary>
    public const string TimestampSql = """to_char({0}.timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')""";

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
    /// The linking function and its trigger on the events table. Installed once Marten has created that table (see
    /// <see cref="HashChainInstaller"/>), in one transaction under a lock, so nodes starting together agree.
    /// </summary>
    public static string TriggerSql(string schema) => $$"""
        select pg_advisory_xact_lock(hashtextextended('{{schema}}.cases_chain_link', 0));
        create or replace function {{schema}}.cases_chain_link() returns trigger language plpgsql as $f$
        declare
          last_position bigint;
          last_hash text;
          canonical text;
        begin
          if current_setting('{{Setting}}', true) is distinct from 'on' then
            return new;
          end if;
          perform pg_advisory_xact_lock(hashtextextended('{{TableName}}:' || coalesce(new.tenant_id, ''), 0));
          select position, hash into last_position, last_hash
            from {{schema}}.{{TableName}} where tenant_id = coalesce(new.tenant_id, '') order by position desc limit 1;
          last_position := coalesce(last_position, 0) + 1;
          last_hash := coalesce(last_hash, '{{Genesis}}');
          canonical := '{{Version}}' || E'\n' || last_position || E'\n' || coalesce(new.tenant_id, '') || E'\n' || new.seq_id
            || E'\n' || new.id || E'\n' || coalesce(new.stream_id::text, '') || E'\n' || new.version || E'\n' || new.type
            || E'\n' || {{string.Format(TimestampSql, "new")}}
            || E'\n' || coalesce(new.correlation_id, '') || E'\n' || coalesce(new.causation_id, '') || E'\n' || coalesce(new.user_name, '')
            || E'\n' || coalesce(new.headers::text, '') || E'\n' || new.data::text;
          insert into {{schema}}.{{TableName}} (tenant_id, position, seq_id, prev_hash, hash)
            values (coalesce(new.tenant_id, ''), last_position, new.seq_id, last_hash,
                    encode(sha256(convert_to(last_hash || E'\n' || canonical, 'UTF8')), 'hex'));
          return new;
        end
        $f$;
        drop trigger if exists cases_chain_link on {{schema}}.mt_events;
        create trigger cases_chain_link after insert on {{schema}}.mt_events for each row execute function {{schema}}.cases_chain_link();
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
