using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Cases.Api.Operations;

/// <summary>
/// Ready means PostgreSQL answers: every request needs it, so a node that cannot reach it is taken out of the load
/// balancer's rotation rather than answering errors.
/// </summary>
public sealed class DatabaseReadiness(string connectionString) : IHealthCheck
{
    public const string Tag = "ready";

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        // A probe answers within the orchestrator's own timeout, and never waits on a pool the service has exhausted.
        Timeout = 3,
        Pooling = false
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable", e);
        }
    }
}
