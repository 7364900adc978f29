using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped and started again while clients keep registering cases: during the outage every request is
/// answered at once with 503 and Retry-After, the service recovers by itself, every write it acknowledged is stored
/// exactly once (the clients keep a ledger and retry with their Idempotency-Key), and the audit trail catches up.
/// </summary>
[Collection(FaultApiCollection.Name)]
public class when_the_database_goes_away(FaultApiApp app, ITestOutputHelper output) : ApiTests<FaultApiApp>(app)
{
    private const int Clients = 4;

    /// <summary>How long a client refused with 503 pauses before it retries: pacing, not a wait for anything.</summary>
    private static readonly TimeSpan ClientRetryPause = TimeSpan.FromMilliseconds(100);

    private sealed record Answer(TimeSpan At, int Status, string? RetryAfter, string? ContentType);

    [Fact]
    public async Task the_service_answers_503_recovers_and_keeps_every_acknowledged_write_once()
    {
        var clock = Stopwatch.StartNew();
        var ledger = new ConcurrentDictionary<string, Guid>();
        var answers = new ConcurrentQueue<Answer>();
        using var stop = new CancellationTokenSource();

        async Task ClientAsync(int client)
        {
            for (var write = 0; !stop.IsCancellationRequested;)
            {
                var key = $"client-{client}-write-{write}";
                var result = await App.Host.Scenario(s =>
                {
                    s.Post.Json(Registration()).ToUrl("/api/cases");
                    s.WithBearerToken(Registrar);
                    s.WithRequestHeader(Idempotency.Header, key);
                    s.IgnoreStatusCode();
                });
                var response = result.Context.Response;
                answers.Enqueue(new Answer(clock.Elapsed, response.StatusCode, response.Headers.RetryAfter.ToString(), response.ContentType));
                if (response.StatusCode == 201)
                {
                    ledger[key] = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
                    write++;
                }
                else
                {
                    // The same write again, with the same key, as a client told to retry does after a pause. The pause
                    // only paces the client; what the test waits for is awaited below with UntilAsync's deadline.
                    await Task.Delay(ClientRetryPause);
                }
            }
        }

        var clients = Enumerable.Range(1, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
        await UntilAsync(() => ledger.Count >= 20);
        var stoppedAt = clock.Elapsed;
        await FaultServer.StopAsync();
        await UntilAsync(() => answers.Count(a => a.Status == 503 && a.At > stoppedAt) >= 20);
        await FaultServer.StartAsync();
        var restartedAt = clock.Elapsed;
        await UntilAsync(() => answers.Any(a => a.Status == 201 && a.At > restartedAt));
        var recoveredAt = answers.Where(a => a.Status == 201 && a.At > restartedAt).Min(a => a.At);
        await UntilAsync(() => answers.Count(a => a.Status == 201 && a.At > recoveredAt) >= 20);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var stored = await CountAsync("mt_events where type = 'case_registered'");
        var outage = answers.Where(a => a.At > stoppedAt && a.At < restartedAt).ToArray();
        output.WriteLine($"{answers.Count} requests: {answers.Count(a => a.Status == 201)} 201, {answers.Count(a => a.Status == 503)} 503, " +
                         $"{answers.Count(a => a.Status is >= 500 and not 503)} other 5xx; acknowledged {ledger.Count} writes, stored {stored}; " +
                         $"outage {(restartedAt - stoppedAt).TotalSeconds:0.0} s with {outage.Length} requests answered; " +
                         $"first write {(recoveredAt - restartedAt).TotalSeconds:0.00} s after PostgreSQL accepted connections again");

        answers.Select(a => a.Status).Distinct().Order().ShouldBe([201, 503]);
        answers.Where(a => a.Status == 503).ShouldAllBe(a => a.RetryAfter == ExceptionProblems.RetryAfterSeconds.ToString()
                                                            && a.ContentType!.StartsWith("application/problem+json"));
        outage.Count(a => a.Status == 503).ShouldBeGreaterThanOrEqualTo(20);
        // Exactly the acknowledged cases, each registered once.
        stored.ShouldBe(ledger.Count);
        (await CountAsync($"mt_events where type = 'case_registered' and stream_id = any('{{{string.Join(",", ledger.Values)}}}'::uuid[])"))
            .ShouldBe(ledger.Count);
        ledger.Values.Distinct().Count().ShouldBe(ledger.Count);

        await App.ProjectionsCaughtUpAsync();
        (await CountAsync("mt_doc_auditentry")).ShouldBe(await CountAsync("mt_events where type <> 'tombstone'"));
    }

    // The app's reads open a new connection when the pooled one died with the server.
    private async Task<long> CountAsync(string from) => (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.{from}"))!;

    private static Task UntilAsync(Func<bool> condition) => CasesApp.UntilAsync(() => Task.FromResult(condition()), "the load to get there");
}
