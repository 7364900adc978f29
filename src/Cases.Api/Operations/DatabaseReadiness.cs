using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cases.Api.Operations;

/// <summary>
/// Ready means PostgreSQL answers: every request needs it, so a node that cannot reach it is taken out of the load
/// balancer's rotation rather than answering errors. With several databases the node stays in rotation while any
/// organisation's database answers (Degraded, naming the others), since the organisations on those still work.
/// </summary>
public sealed class DatabaseReadiness : IHealthCheck
{
    public const string Tag = "ready";

    /// <summary>The name Wolverine's control database is reported under.</summary>
    public const string ControlName = "control";

    private readonly IReadOnlyList<(string Name, string ConnectionString)> _databases;
    private readonly string? _control;

    /// <summary>One database, which holds every organisation.</summary>
    public DatabaseReadiness(string connectionString) : this(new Dictionary<string, string> { [""] = connectionString }, null)
    {
    }

    /// <summary>The organisations' databases by name, and Wolverine's control database if there are several.</summary>
    public DatabaseReadiness(IReadOnlyDictionary<string, string> databases, string? control)
    {
        _databases = databases.Select(d => (d.Key, Probe(d.Value))).ToArray();
        _control = control is null ? null : Probe(control);
    }

    /// <summary>A probe answers within the orchestrator's own timeout, and never waits on a pool the service has exhausted.</summary>
    private static string Probe(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, Pooling = false }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var probes = _databases.Select(async d => (d.Name, Error: await UnreachableAsync(d.ConnectionString, ct))).ToList();
        var control = _control is null ? Task.FromResult<Exception?>(null) : UnreachableAsync(_control, ct);
        var results = await Task.WhenAll(probes);
        var down = results.Where(r => r.Error is not null).ToArray();
        var controlDown = await control;
        if (_databases.Count == 1)
        {
            return down.Length == 0 ? HealthCheckResult.Healthy("PostgreSQL answers") : HealthCheckResult.Unhealthy("PostgreSQL is unreachable", down[0].Error);
        }
        var names = down.Select(d => d.Name).Concat(controlDown is null ? [] : [ControlName]).ToArray();
        var data = new Dictionary<string, object> { ["unreachable"] = names };
        if (names.Length == 0) return HealthCheckResult.Healthy("PostgreSQL answers", data);
        var description = $"PostgreSQL {string.Join(", ", names)} unreachable";
        return down.Length == _databases.Count
            ? HealthCheckResult.Unhealthy(description, down[0].Error, data)
            : HealthCheckResult.Degraded(description, down.FirstOrDefault().Error ?? controlDown, data);
    }

    private static async Task<Exception?> UnreachableAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return e;
        }
    }

    /// <summary>
    /// The readiness answer: the status alone while all is well (what probes and scripts compare with), and with what
    /// is unreachable otherwise, so that an operator reading it knows which database to look at.
    /// </summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        var unreachable = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy && e.Description is not null)
            .Select(e => e.Description!).ToArray();
        return context.Response.WriteAsync(unreachable.Length == 0 ? report.Status.ToString() : $"{report.Status}: {string.Join("; ", unreachable)}");
    }
}
