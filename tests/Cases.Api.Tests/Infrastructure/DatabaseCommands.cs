using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>What one request asked of the database, as Npgsql's own tracing saw it.</summary>
/// <param name="Commands">
/// The statements of each command (a batch is one), in the order they were sent: each is a round trip. The commit is
/// not among them: Npgsql traces commands, not the transaction's end.
/// </param>
public sealed record DatabaseCost(IReadOnlyList<string> Commands)
{
    public int RoundTrips => Commands.Count;

    /// <summary>Whether any command read a stream's events (rather than a snapshot), which costs more the longer the stream.</summary>
    public bool ReadsEvents => Commands.Any(c => c.Contains(".mt_events as d", StringComparison.Ordinal));

    public override string ToString() => $"{RoundTrips} round trips:\n  " + string.Join("\n  ", Commands);
}

/// <summary>
/// Counts the database commands one HTTP request makes, from Npgsql's ActivitySource. The request carries a trace of its
/// own (a <c>traceparent</c> header), so the commands of other requests and of the hosts of other collections running
/// beside it are not counted; neither are those of messages the request scheduled, which run under activities of their own.
/// </summary>
public static class DatabaseCommands
{
    private static readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Activity>> Watched = new();

    private static readonly ActivityListener Listener = Listen();

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore" or "Wolverine",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                Watched.ContainsKey(options.Parent.TraceId != default ? options.Parent.TraceId : options.TraceId)
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (Watched.TryGetValue(activity.TraceId, out var stopped)) stopped.Enqueue(activity);
            }
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Runs the scenario and answers what it cost the database, with the scenario's result.</summary>
    public static async Task<(DatabaseCost Cost, IScenarioResult Result)> OfAsync(IAlbaHost host, Action<Scenario> scenario)
    {
        _ = Listener;
        var trace = ActivityTraceId.CreateRandom();
        var stopped = Watched[trace] = new ConcurrentQueue<Activity>();
        try
        {
            var result = await host.Scenario(s =>
            {
                s.WithRequestHeader("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
                scenario(s);
            });
            Activity? request = null;
            await CasesApp.UntilAsync(() => Task.FromResult((request = stopped.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore")) is not null),
                "the request's activity to stop");
            var commands = stopped
                .Where(a => a.Source.Name == "Npgsql" && Within(a, request!))
                .OrderBy(a => a.StartTimeUtc)
                .ToList();
            return (new DatabaseCost(commands.Select(a => a.GetTagItem("db.query.text") as string ?? a.DisplayName).ToList()), result);
        }
        finally
        {
            Watched.TryRemove(trace, out _);
        }
    }

    /// <summary>Whether the command ran in the request itself, rather than in a message handler it set off.</summary>
    private static bool Within(Activity command, Activity request)
    {
        for (var parent = command.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == request) return true;
        }
        return false;
    }
}
