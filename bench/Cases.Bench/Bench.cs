using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cases.Api.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cases.Bench;

/// <summary>
/// One run, one PostgreSQL, one table: the insert ceiling, appends in process and through the API, projection
/// rebuilds, reads at the small and the large size, projection lag under load, start-up and peak memory; or, with
/// <c>--only rebuild</c>, the large size loaded and its full rebuild timed; or, with <c>--only api</c>, the insert ceiling
/// and the appends through the API, in own organisations and in one, on an empty store; or, with <c>--only reads</c>,
/// start-up and the reads at the small and the large size (the projections are rebuilt after each load, untimed), or
/// with <c>--reuse</c> on what the schema already holds; or, with <c>--only calls</c>, ten months of a line's calls imported
/// through the API day by day and month by month, and replayed (<see cref="CallImport"/>).
/// </summary>
public static partial class Bench
{
    private const string RebuildTarget = "≥ 15,000 events/s";

    private static readonly List<(string Measure, string Figure, string Target)> Rows = [];

    public static async Task<int> Main(string[] args)
    {
        var settings = Settings.Parse(args);
        Directory.CreateDirectory(settings.Output);
        var log = Path.Combine(settings.Output, "service.log");
        File.Delete(log);
        Console.WriteLine(settings.Only switch
        {
            Part.All => $"Cases benchmark: {settings.Events:N0} events (reads also at {settings.Small:N0}), {settings.Clients} clients, " +
                        $"{settings.Duration.TotalSeconds:0} s per throughput measure, schema {settings.Schema}, {Environment.ProcessorCount} cores",
            Part.Calls => $"Cases benchmark, call-log import only: schema {settings.Schema}, {Environment.ProcessorCount} cores",
            Part.Api => $"Cases benchmark, API appends only: {settings.Clients} clients, {settings.Duration.TotalSeconds:0} s per measure, " +
                        $"schema {settings.Schema}, {Environment.ProcessorCount} cores",
            var only => $"Cases benchmark, {only.ToString().ToLowerInvariant()} only: {settings.Events:N0} events, schema {settings.Schema}, " +
                        $"{Environment.ProcessorCount} cores"
        });

        if (settings.Reuse)
        {
            if (settings.Only != Part.Reads) throw new ArgumentException("--reuse goes with --only reads");
            using var existing = StoreHost(settings);
            await MeasureReadsAsync(settings, log, new Loader((DocumentStore)existing.Services.GetRequiredService<IDocumentStore>(),
                settings.ConnectionString, settings.Schema));
            await PrintAsync(settings, args);
            return 0;
        }

        await ExecuteAsync(settings, $"drop schema if exists {settings.Schema} cascade; drop schema if exists {settings.Schema}_raw cascade; " +
                                     $"drop schema if exists {settings.Schema}_pgbench cascade");
        await using (var first = await Service.StartAsync(settings, log, settings.Port, migrate: true))
        {
            Report("start-up, empty database (creates the schema)", Ms(first.StartUp), "");
        }

        using var host = StoreHost(settings);
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        var loader = new Loader(store, settings.ConnectionString, settings.Schema);
        if (settings.Only == Part.Reads)
        {
            await ReadsAtBothSizesAsync(settings, log, store, loader);
            await PrintAsync(settings, args);
            return 0;
        }
        if (settings.Only == Part.Rebuild)
        {
            await LoadAsync(loader, settings.Events, 1);
            Report("full rebuild rate", $"{await RebuildAsync(settings, loader, "large", parallel: true):N0} events/s", RebuildTarget);
            await PrintAsync(settings, args);
            return 0;
        }

        if (settings.Only == Part.Calls)
        {
            await using (var service = await Service.StartAsync(settings, log, settings.Port))
            {
                foreach (var run in await CallImport.RunAsync(service))
                {
                    Report($"call-log import through the HTTP API, {run.Way}: {run.Requests} requests (CSV), {run.Calls:N0} calls, sequential",
                        $"{run.Elapsed.TotalSeconds:N2} s = {run.RequestsPerSecond:N1} requests/s, {run.CallsPerSecond:N0} calls/s", "ten months in seconds");
                }
            }
            await PrintAsync(settings, args);
            return 0;
        }

        var pgbench = await Pgbench.InsertsPerSecondAsync(settings);
        Report($"pgbench single-row jsonb insert, {settings.Clients} clients", $"{pgbench:N0} inserts/s", "ceiling");
        if (settings.Only == Part.Api)
        {
            await using (var service = await Service.StartAsync(settings, log, settings.Port))
            {
                var (api, oneOrganisation) = await ReportAppendsAsync(service, settings, await Drivers.ApiAppendsAsync(service, settings));
                Report("ratio API appends in own organisations / pgbench", $"{api / pgbench:0.00}", "≥ 0.25");
                Report("ratio API appends in one organisation / pgbench", $"{oneOrganisation / pgbench:0.00}", "≥ 0.15");
            }
            await PrintAsync(settings, args);
            return 0;
        }
        var marten = await Drivers.MartenAppendsAsync(settings);
        Report($"Marten appends in process (bare store), {settings.Clients} clients", Rate(marten), "");

        var organisations = await LoadAsync(loader, settings.Small, 1);
        await RebuildAsync(settings, loader, "small", parallel: false);
        await RebuildAsync(settings, loader, "small", parallel: true);
        double apiRate, oneOrganisationRate, smallP99;
        await using (var service = await Service.StartAsync(settings, log, settings.Port))
        {
            Report($"start-up to first answered request, {await loader.CountAsync():N0} events", Ms(service.StartUp), "< 1,500 ms");
            smallP99 = await ReadsAsync(service, settings, await loader.CountAsync());
            var (api, lag) = await Drivers.WithLagProbeAsync(service, store, () => Drivers.ApiAppendsAsync(service, settings));
            (apiRate, oneOrganisationRate) = await ReportAppendsAsync(service, settings, api);
            Report("projection lag under the appends in own organisations (append answered → audit entry visible)",
                $"p50 {lag.P50Ms:N0} ms, p99 {lag.P99Ms:N0} ms, max {lag.MaxMs:N0} ms ({lag.Samples} probes)", "");
            Report("peak working set of the service (reads and appends)", $"{service.PeakWorkingSetMiB():N0} MiB", "");
        }

        await LoadAsync(loader, settings.Events, organisations);
        var rebuildRate = await RebuildAsync(settings, loader, "large", parallel: true);
        double largeP99;
        await using (var service = await Service.StartAsync(settings, log, settings.Port))
        {
            Report($"start-up to first answered request, {await loader.CountAsync():N0} events", Ms(service.StartUp), "< 1,500 ms");
            largeP99 = await ReadsAsync(service, settings, await loader.CountAsync());
            Report("peak working set of the service (reads)", $"{service.PeakWorkingSetMiB():N0} MiB", "");
        }

        Report("ratio API appends in own organisations / pgbench", $"{apiRate / pgbench:0.00}", "≥ 0.25");
        Report("ratio API appends in one organisation / pgbench", $"{oneOrganisationRate / pgbench:0.00}", "≥ 0.15");
        Report("full rebuild rate", $"{rebuildRate:N0} events/s", RebuildTarget);
        Report("ratio read p99 at the large size / at the small size (worst of the three reads)", $"{largeP99 / smallP99:0.00}", "≈ 1 (flat)");
        await PrintAsync(settings, args);
        return 0;
    }

    /// <summary>
    /// Start-up and the reads at the small size, then at the large one. After each load the projections are rebuilt
    /// (the loader writes events only), without reporting it: that is the rebuild's measure, not the reads'.
    /// </summary>
    private static async Task ReadsAtBothSizesAsync(Settings settings, string log, DocumentStore store, Loader loader)
    {
        var smallP99 = 0.0;
        var organisations = 1;
        foreach (var size in new[] { settings.Small, settings.Events })
        {
            organisations = await LoadAsync(loader, size, organisations);
            using (var daemon = await store.BuildProjectionDaemonAsync())
            {
                await Task.WhenAll(store.Options.Projections.All.Select(p =>
                    daemon.RebuildProjectionAsync(p.ImplementationType, TimeSpan.FromMinutes(30), CancellationToken.None)));
            }
            var p99 = await MeasureReadsAsync(settings, log, loader);
            if (size == settings.Small) smallP99 = p99;
            else Report("ratio read p99 at the large size / at the small size (worst of the three reads)", $"{p99 / smallP99:0.00}", "≈ 1 (flat)");
        }
    }

    /// <summary>Start-up (elapsed and processor time) and the three reads on what the store holds; returns the worst p99.</summary>
    private static async Task<double> MeasureReadsAsync(Settings settings, string log, Loader loader)
    {
        var events = await loader.CountAsync();
        await using var service = await Service.StartAsync(settings, log, settings.Port);
        Report($"start-up to first answered request, {events:N0} events", Ms(service.StartUp), "< 1,500 ms");
        Report($"processor time of the start-up (user and system), {events:N0} events", Ms(service.StartUpCpu), "");
        return await ReadsAsync(service, settings, events);
    }

    /// <summary>Reports the appends through the API in own organisations, measures them in one organisation; returns both rates.</summary>
    private static async Task<(double Own, double One)> ReportAppendsAsync(Service service, Settings settings, Throughput api)
    {
        var oneOrganisation = await Drivers.ApiAppendsAsync(service, settings, oneOrganisation: true);
        Report($"appends through the HTTP API (JWT, validation, rules), {settings.Clients} clients, each its own organisation", Rate(api), "≥ 0.25 × pgbench, p99 ≤ 30 ms");
        Report($"appends through the HTTP API (JWT, validation, rules), {settings.Clients} clients in one organisation",
            Rate(oneOrganisation), "≥ 0.15 × pgbench, p99 ≤ 30 ms");
        return (api.PerSecond, oneOrganisation.PerSecond);
    }

    /// <summary>The service's own store configuration (projections, schema, event names), built without starting the service.</summary>
    private static IHost StoreHost(Settings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Persistence.ConnectionStringName}"] = settings.ConnectionString,
            ["Marten:Schema"] = settings.Schema
        });
        builder.Services.AddCasesPersistence(builder.Configuration);
        return builder.Build();
    }

    private static async Task<int> LoadAsync(Loader loader, long target, int firstOrganisation)
    {
        var clock = Stopwatch.StartNew();
        var before = await loader.CountAsync();
        var next = await loader.LoadUntilAsync(target, firstOrganisation);
        var loaded = await loader.CountAsync() - before;
        Report($"generated and loaded by binary COPY (organisations {firstOrganisation}-{next - 1})",
            $"{loaded:N0} events in {clock.Elapsed.TotalSeconds:N1} s ({loaded / clock.Elapsed.TotalSeconds:N0} events/s)", "");
        return next;
    }

    /// <summary>
    /// Every projection rebuilt from all the events by the operator's command, `projections rebuild` of the published
    /// service (<see cref="Service.RebuildAsync"/>): all of them at its default concurrency, or one after the other.
    /// Returns events per second of the whole command, its start-up included.
    /// </summary>
    private static async Task<double> RebuildAsync(Settings settings, Loader loader, string size, bool parallel)
    {
        var events = await loader.CountAsync();
        var log = Path.Combine(settings.Output, "service.log");
        var total = Stopwatch.StartNew();
        var lines = await Service.RebuildAsync(settings, log, parallel ? null : 1);
        total.Stop();
        var finished = lines.Select(l => FinishedLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value.Split('.')[^1].Replace("Projection", "")} {int.Parse(m.Groups[2].Value) / 1000.0:N1} s").ToList();
        var concurrency = lines.FirstOrDefault(l => l.StartsWith("Rebuilding with", StringComparison.Ordinal)) is { } said
            ? said["Rebuilding with ".Length..].Replace(" per database", "")
            : "";
        var rate = events / total.Elapsed.TotalSeconds;
        Report($"rebuild of all {finished.Count} projections by `projections rebuild` ({(parallel ? concurrency : "one after the other")}), {events:N0} events ({size})",
            $"{total.Elapsed.TotalSeconds:N1} s = {rate:N0} events/s (each: {string.Join(", ", finished)})", size == "large" ? RebuildTarget : "");
        return rate;
    }

    [GeneratedRegex(@"Finished rebuilding (\S+) in (\d+)")]
    private static partial Regex FinishedLine();

    /// <summary>GET a case, an employee's record and a year's statistics of sampled organisations; returns the worst p99.</summary>
    private static async Task<double> ReadsAsync(Service service, Settings settings, long events)
    {
        async Task<List<(string, string)>> Sample(string sql, Func<NpgsqlDataReader, (string, string)> target)
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
            var list = new List<(string, string)>();
            while (await reader.ReadAsync()) list.Add(target(reader));
            return list;
        }

        var s = settings.Schema;
        var reads = new (string Name, List<(string, string)> Targets)[]
        {
            ("GET /api/cases/{id}", await Sample($"select tenant_id, id from {s}.mt_doc_casesummary where tenant_id like 'org-%' order by random() limit 500",
                r => (r.GetString(0), $"/api/cases/{r.GetGuid(1)}"))),
            ("GET /api/employees/{personnelNumber}", await Sample($"select tenant_id, id from {s}.mt_doc_employeehistory where tenant_id like 'org-%' order by random() limit 500",
                r => (r.GetString(0), $"/api/employees/{r.GetString(1)}"))),
            ("GET /api/statistics (a year)", await Sample($"select distinct tenant_id from {s}.mt_streams where tenant_id like 'org-%'",
                r => (r.GetString(0), "/api/statistics?from=2023-01-01&to=2023-12-31")))
        };
        var worst = 0.0;
        foreach (var (name, targets) in reads)
        {
            var (latency, failures) = await Drivers.ReadsAsync(service, targets, settings.Reads);
            worst = Math.Max(worst, latency.P99Ms);
            Report($"{name} at {events:N0} events, {targets.Count} targets",
                $"p50 {latency.P50Ms:N2} ms, p99 {latency.P99Ms:N2} ms{(failures > 0 ? $", {failures} failed" : "")}", "p99 < 5 ms");
        }
        return worst;
    }

    private static void Report(string measure, string figure, string target)
    {
        Rows.Add((measure, figure, target));
        Console.WriteLine($"  {measure}: {figure}");
    }

    private static async Task PrintAsync(Settings settings, string[] args)
    {
        var table = new StringBuilder()
            .AppendLine($"Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, `bench/run.sh {RunArguments(args)}`")
            .AppendLine()
            .AppendLine("| measure | figure | target |")
            .AppendLine("|---|---|---|");
        foreach (var (measure, figure, target) in Rows) table.AppendLine($"| {measure} | {figure} | {target} |");
        Console.WriteLine();
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(settings.Output, "results.md"), table.ToString());
    }

    /// <summary>The options as given to <c>bench/run.sh</c>: without the service and output paths the script adds.</summary>
    private static string RunArguments(string[] args) =>
        string.Join(' ', args.Where((_, i) => args[i] is not ("--service" or "--out") && (i == 0 || args[i - 1] is not ("--service" or "--out"))));

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms";

    private static string Rate(Throughput t) =>
        $"{t.PerSecond:N0} events/s (latency p50 {t.P50Ms:N1} ms, p99 {t.P99Ms:N1} ms{(t.Failures > 0 ? $", {t.Failures} failed" : "")})";

    private static async Task ExecuteAsync(Settings settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
