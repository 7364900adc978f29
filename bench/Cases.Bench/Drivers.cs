using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Domain.Cases;
using Cases.Projections.Audit;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Cases.Bench;

public sealed record Throughput(double PerSecond, double P50Ms, double P99Ms, long Failures);

public sealed record Latency(double P50Ms, double P99Ms, double MaxMs, int Samples)
{
    public static Latency Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Latency(At(0.50), At(0.99), sorted.LastOrDefault(), sorted.Length);
    }
}

/// <summary>The loads: concurrent appenders (in process, and through the HTTP API), sequential readers, and the lag probe.</summary>
public static class Drivers
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs <paramref name="clients"/> loops for the warm-up and then <paramref name="duration"/>; each loop appends one
    /// event per call. Only calls that start and end inside the measured window count.
    /// </summary>
    private static async Task<Throughput> RunAsync(int clients, TimeSpan duration, Func<int, Task<Func<Task>>> prepare)
    {
        var appends = await Task.WhenAll(Enumerable.Range(0, clients).Select(prepare));
        var latencies = new ConcurrentBag<double>();
        long failures = 0;
        var clock = Stopwatch.StartNew();
        var end = WarmUp + duration;
        await Task.WhenAll(appends.Select(append => Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                try
                {
                    await append();
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or NpgsqlException)
                {
                    if (Interlocked.Increment(ref failures) == 1) Console.Error.WriteLine($"  first failure: {e.Message}");
                    continue;
                }
                var finished = clock.Elapsed;
                if (started >= WarmUp && finished <= end) latencies.Add((finished - started).TotalMilliseconds);
            }
        })));
        var latency = Latency.Of(latencies);
        return new Throughput(latencies.Count / duration.TotalSeconds, latency.P50Ms, latency.P99Ms, failures);
    }

    /// <summary>Marten alone: a bare store (no projection, no hash chain), one event per SaveChanges, each client on its own stream.</summary>
    public static async Task<Throughput> MartenAppendsAsync(Settings settings)
    {
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(settings.ConnectionString);
            opts.DatabaseSchemaName = $"{settings.Schema}_raw";
            opts.UseSystemTextJsonForSerialization();
            opts.Events.AppendMode = EventAppendMode.Quick;
        });
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return await RunAsync(settings.Clients, settings.Duration, async _ =>
        {
            var stream = Guid.CreateVersion7();
            await using (var start = store.LightweightSession())
            {
                start.Events.StartStream(stream, new CaseAcknowledged(stream, new DateOnly(2021, 3, 3)));
                await start.SaveChangesAsync();
            }
            return async () =>
            {
                await using var session = store.LightweightSession();
                session.Events.Append(stream, new CaseAcknowledged(stream, new DateOnly(2021, 3, 3)));
                await session.SaveChangesAsync();
            };
        });
    }

    public static HttpClient Client(Service service, string organisation, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = new Uri(service.Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Settings.Token(organisation, roles));
        return client;
    }

    private sealed record Written(Guid Id, long Version);

    public static async Task<Guid> RegisterAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            channel = "call-centre", category = "medical-care", subjects = new[] { "E-0001" },
            summary = "Patient waited five hours for chemotherapy", receivedOn = "2021-03-02"
        });
        return (await Read<Written>(response)).Id;
    }

    /// <summary>
    /// Through the HTTP API as clients use it: JWT, validation, the aggregate's rules, the inline projections and the
    /// hash chain. Each client is an investigator attaching evidence to its own case: in an organisation of its own, or,
    /// with <paramref name="oneOrganisation"/>, all in the same one, whose appends share its hash chain's head.
    /// </summary>
    public static async Task<Throughput> ApiAppendsAsync(Service service, Settings settings, bool oneOrganisation = false)
    {
        var clients = new List<HttpClient>();
        try
        {
            return await RunAsync(settings.Clients, settings.Duration, async i =>
            {
                var client = Client(service, oneOrganisation ? "bench-api-one" : $"bench-api-{i:D3}", "registrar", "investigator");
                lock (clients) clients.Add(client);
                var id = await RetriedAsync(() => RegisterAsync(client));
                var version = 1L;
                return async () =>
                {
                    var response = await client.PostAsJsonAsync($"/api/cases/{id}/evidence", new
                    {
                        expectedVersion = version, fileName = "scan.pdf", mediaType = "application/pdf", sizeBytes = 120_000,
                        sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", description = "Schedule of the day"
                    });
                    version = (await Read<Written>(response)).Version;
                };
            });
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// While <paramref name="load"/> runs, registers a case every quarter second and times how long after the 201 its
    /// entry appears in the audit trail.
    /// </summary>
    public static async Task<(T Result, Latency Lag)> WithLagProbeAsync<T>(Service service, IDocumentStore store, Func<Task<T>> load)
    {
        const string organisation = "bench-lag";
        using var client = Client(service, organisation, "registrar");
        var lags = new List<double>();
        var running = load();
        while (!running.IsCompleted)
        {
            Guid id;
            try
            {
                id = await RegisterAsync(client);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
            {
                // A refused probe (the shared server out of connections) measures nothing: the next one will.
                Console.Error.WriteLine($"  lag probe failed: {e.Message}");
                await Task.WhenAny(running, Task.Delay(250));
                continue;
            }
            var registered = Stopwatch.StartNew();
            await using var session = store.QuerySession(organisation);
            while (!await session.Query<AuditEntry>().AnyAsync(x => x.CaseId == id))
            {
                if (registered.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"Case {id} never reached the audit trail");
                await Task.Delay(5);
            }
            lags.Add(registered.Elapsed.TotalMilliseconds);
            await Task.WhenAny(running, Task.Delay(250));
        }
        return (await running, Latency.Of(lags));
    }

    /// <summary>One reader, requests one after the other over a sample of the organisations' records: the latency of each.</summary>
    public static async Task<(Latency Latency, int Failures)> ReadsAsync(Service service, IReadOnlyList<(string Organisation, string Path)> targets, int count)
    {
        var tokens = new Dictionary<string, string>();
        using var client = new HttpClient { BaseAddress = new Uri(service.Url) };
        var random = new Random(7);
        var samples = new List<double>();
        var failures = 0;
        for (var i = -count / 10; i < count; i++)
        {
            var (organisation, path) = targets[random.Next(targets.Count)];
            if (!tokens.TryGetValue(organisation, out var token))
            {
                tokens[organisation] = token = Settings.Token(organisation, "auditor", "analyst", "hr");
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                if (failures++ == 0) Console.Error.WriteLine($"  GET {path} for {organisation}: {(int)response.StatusCode}");
                continue;
            }
            if (i >= 0) samples.Add(elapsed);
        }
        return (Latency.Of(samples), failures);
    }

    /// <summary>Setting a client up is retried: the shared server may refuse a connection for a moment.</summary>
    private static async Task<T> RetriedAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (attempt < 5 && e is HttpRequestException or InvalidOperationException)
            {
                await Task.Delay(500 * attempt);
            }
        }
    }

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
