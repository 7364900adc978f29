using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cases.Bench;

/// <summary>
/// The ceiling: PostgreSQL's own pgbench inserting one jsonb row per transaction (an event-sized document) into a
/// bare table with a primary key, with the same number of clients as the append measurements.
/// </summary>
public static partial class Pgbench
{
    public const string Binary = "/usr/lib/postgresql/15/bin/pgbench";

    public static async Task<double> InsertsPerSecondAsync(Settings settings)
    {
        var csb = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var table = $"{settings.Schema}_pgbench.events";
        await using (var connection = new NpgsqlConnection(settings.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"create schema if not exists {settings.Schema}_pgbench; drop table if exists {table}; " +
                                    $"create table {table} (seq_id bigserial primary key, data jsonb not null)", connection).ExecuteNonQueryAsync();
        }
        var script = Path.Combine(settings.Output, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script,
            $$"""insert into {{table}} (data) values ('{"caseId":"0198f1d2-7c4e-7a10-9b3e-2f5c8d9e1a20","fileName":"scan-1.pdf","mediaType":"application/pdf","sizeBytes":120001,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","description":"Schedule of the day","obtainedOn":"2021-03-03"}');""" + "\n");

        var info = new ProcessStartInfo(Binary,
            ["-n", "-c", settings.Clients.ToString(), "-j", "2", "-T", ((int)settings.Duration.TotalSeconds).ToString(), "-f", script,
             "-h", csb.Host!, "-p", csb.Port.ToString(), "-U", csb.Username!, csb.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        info.Environment["PGPASSWORD"] = csb.Password;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var tps = Tps().Match(output);
        if (process.ExitCode != 0 || !tps.Success) throw new InvalidOperationException($"pgbench failed: {output}{errors}");
        return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
