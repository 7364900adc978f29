using Cases.Api.Infrastructure;
using Npgsql;

namespace Cases.Bench;

/// <summary>
/// What one run measures, from the command line: <c>--events 1000000 --small 10000 --clients 8 --seconds 20</c>;
/// <c>--only rebuild</c> loads the large size and times its full rebuild alone; <c>--only api</c> runs the insert ceiling
/// and the two API append measures alone, on an empty store; <c>--only reads</c> loads the small and the large size and
/// measures start-up and the reads at each; with <c>--reuse</c>, it measures them once on what the schema already holds,
/// neither dropped nor loaded (say, what the previous run left), to compare two builds back to back; <c>--only calls</c>
/// imports ten months of a call-centre line's calls through the API, day by day and month by month, and again.
/// </summary>
public sealed record Settings(string ServiceDll, string ConnectionString, string Schema, long Events, long Small, int Clients,
    TimeSpan Duration, int Reads, string Output, Part Only, bool Reuse, int Port)
{
    /// <summary>The key the benchmarked service validates tokens with: a throw-away one, given by configuration.</summary>
    public const string SigningKey = "cases-benchmark-signing-key-only-for-local-runs-0001";

    public static Settings Parse(string[] args)
    {
        string Arg(string name, string fallback) =>
            args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;
        return new Settings(
            Path.GetFullPath(Arg("service", "bench/out/service/Cases.Api.dll")),
            // The server's connections are shared (max_connections 100 by default): each pool is capped well below it.
            new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Cases")
                                              ?? "Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases") { MaxPoolSize = 30 }.ConnectionString,
            Arg("schema", "bench"),
            long.Parse(Arg("events", "1000000")),
            long.Parse(Arg("small", "10000")),
            int.Parse(Arg("clients", "8")),
            TimeSpan.FromSeconds(int.Parse(Arg("seconds", "20"))),
            int.Parse(Arg("reads", "1000")),
            Path.GetFullPath(Arg("out", "bench/out")),
            Arg("only", "") switch
            {
                "" => Part.All,
                "rebuild" => Part.Rebuild,
                "api" => Part.Api,
                "reads" => Part.Reads,
                "calls" => Part.Calls,
                var other => throw new ArgumentException($"--only {other}: the parts that run alone are rebuild, api, reads and calls")
            },
            args.Contains("--reuse"),
            // Each run on a shared machine needs a port of its own: a service left by another run would answer instead.
            int.Parse(Arg("port", "5091")));
    }

    public static string Token(string organisation, params string[] roles) =>
        DevelopmentTokens.Mint(SigningKey, organisation, roles, $"bench@{organisation}", DateTimeOffset.UtcNow, TimeSpan.FromHours(6));
}

/// <summary>What a run measures: everything, or one part alone to iterate on it quickly.</summary>
public enum Part
{
    All,
    Rebuild,
    Api,
    Reads,
    Calls
}
