using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// One real API host per test collection, on the real PostgreSQL, in a schema of its own so that collections never
/// wipe each other's data. Tests reset the data, not the host.
/// </summary>
public abstract class CasesApp(string schema) : IAsyncLifetime
{
    public const string SigningKey = "cases-test-signing-key-used-only-by-the-test-suite-0001";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Cases")
        ?? "Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases";

    public string Schema { get; } = schema;
    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Cases", ConnectionString);
            builder.UseSetting("Marten:Schema", Schema);
            builder.UseSetting("Auth:DevelopmentSigningKey", SigningKey);
            // Scheduled deadline checks are looked for every second, so that tests wait seconds, not minutes.
            builder.UseSetting("Wolverine:ScheduledJobPollingTime", "00:00:01");
            // One node: the async projections start with the host instead of waiting for the cluster's assignment.
            builder.UseSetting("Wolverine:DurabilityMode", "Solo");
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Stops the service and starts it again on the same database, as a redeployment or a crash would.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        await InitializeAsync();
    }

    /// <summary>Empties the schema's events, documents, number counters and pending messages, and restarts the clock.</summary>
    public async Task ResetAsync()
    {
        Clock.Now = TestClock.Start;
        // Truncating takes each table's exclusive lock in turn and can deadlock with an append that is still finishing
        // (seen once in CI); PostgreSQL cancels one side, and the reset runs again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Pauses the async daemon while the events go, so that it starts again from the new first event.
                await Host.ResetAllMartenDataAsync();
                break;
            }
            catch (PostgresException deadlock) when (deadlock.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(100 * attempt);
            }
        }
        await ScalarAsync($"truncate {Schema}.{Numbering.TableName}, {Schema}.{HashChain.TableName}, {Schema}.{HashChain.HeadTableName}, {Schema}.wolverine_incoming_envelopes, {Schema}.wolverine_outgoing_envelopes");
    }

    public string Token(string organisation, params string[] roles) =>
        UserToken(organisation, $"{string.Join("+", roles)}@{organisation}", roles);

    public string UserToken(string organisation, string user, params string[] roles) =>
        DevelopmentTokens.Mint(SigningKey, organisation, roles, user, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    /// <summary>Waits until the async projections (the audit trail) have caught up with every event appended so far.</summary>
    public Task ProjectionsCaughtUpAsync() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    /// <summary>Every event row of every organisation, to prove a refused request wrote nothing.</summary>
    public async Task<long> CountAllEventsAsync() =>
        (long)(await ScalarAsync($"select count(*) from {Schema}.mt_events"))!;

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

/// <summary>The host of the case API tests.</summary>
public sealed class CaseApiApp() : CasesApp("tests_cases");

[CollectionDefinition(Name)]
public sealed class CaseApiCollection : ICollectionFixture<CaseApiApp>
{
    public const string Name = "case api";
}

/// <summary>The host of the commission, meeting and decision tests.</summary>
public sealed class MeetingApiApp() : CasesApp("tests_meetings");

[CollectionDefinition(Name)]
public sealed class MeetingApiCollection : ICollectionFixture<MeetingApiApp>
{
    public const string Name = "meeting api";
}

/// <summary>The host of the sanction, employee record, calendar and deadline tests.</summary>
public sealed class SanctionApiApp() : CasesApp("tests_sanctions");

[CollectionDefinition(Name)]
public sealed class SanctionApiCollection : ICollectionFixture<SanctionApiApp>
{
    public const string Name = "sanction api";
}

/// <summary>The host of the audit, replay and hash chain tests.</summary>
public sealed class AuditApiApp() : CasesApp("tests_audit");

[CollectionDefinition(Name)]
public sealed class AuditApiCollection : ICollectionFixture<AuditApiApp>
{
    public const string Name = "audit api";
}
