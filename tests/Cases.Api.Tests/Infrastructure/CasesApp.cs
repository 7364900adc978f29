using Cases.Api.Audit;
using Cases.Api.Demo;
using Cases.Api.Infrastructure;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// One real API host per test collection, on the real PostgreSQL, in a schema of its own so that collections never
/// wipe each other's data. Tests reset the data, not the host.
/// </summary>
public abstract class CasesApp(string schema, string? connectionString = null) : IAsyncLifetime
{
    public const string SigningKey = "cases-test-signing-key-used-only-by-the-test-suite-0001";

    /// <summary>
    /// How long a test waits for a condition before it calls it a hang: it bounds a wait, it never decides a pass, so it
    /// is far above what the slowest machine needs.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The main test server, as the README's test command provisions it.</summary>
    public static string MainServer =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Cases")
        ?? "Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases";

    /// <summary>Where this host and its tests connect; on the main server, with pools of <see cref="MaxPoolSize"/> at most.</summary>
    public string ConnectionString { get; private set; } = connectionString ?? MainServer;
    public string Schema { get; } = schema;
    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public virtual async Task InitializeAsync()
    {
        if (connectionString is null) ConnectionString = await OnMainServerAsync(Schema);
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Cases", ConnectionString);
            builder.UseSetting("Marten:Schema", Schema);
            builder.UseSetting("Auth:DevelopmentSigningKey", SigningKey);
            // Scheduled deadline checks are looked for every second, so that tests wait seconds, not minutes.
            builder.UseSetting("Wolverine:ScheduledJobPollingTime", "00:00:01");
            // One node: the async projections start with the host instead of waiting for the cluster's assignment.
            builder.UseSetting("Wolverine:DurabilityMode", "Solo");
            // Reminders are looked for only when a test asks (CheckReminders), never behind another test's back.
            builder.UseSetting("Notifications:CheckEvery", "00:00:00");
            // A retry waits for its twin with the same Idempotency-Key as long as the twin takes, however slow the machine.
            builder.UseSetting("Idempotency:InFlightWait", Patience.ToString());
            // Long enough that no commit on a busy machine is taken for a gap, short enough that the gaps a stopped
            // PostgreSQL really leaves (the fault tests) hold the audit trail back well within Patience.
            builder.UseSetting("Marten:StaleSequenceThreshold", "00:00:30");
            // A read waits for the async projections as long as a test waits for anything: a busy machine is slow, not down.
            builder.UseSetting(ProjectionWait.SettingName, Patience.ToString());
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
            builder.ConfigureServices(services => services.AddContractValidation());
            Configure(builder);
        });
    }

    /// <summary>Settings of one collection's host only.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// The pools a test run may open on the main server: each host's two (Marten's, and the one of the service's own
    /// connections), the tests' own per host, and the two of a `projections rebuild` run beside them. The fault tests'
    /// host is counted too, though its server is another.
    /// </summary>
    private static readonly int Pools = 3 * typeof(CasesApp).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(CasesApp)) && !t.IsAbstract) + 2;

    /// <summary>Connections left to psql and other tools while the suite runs.</summary>
    private const int SpareConnections = 10;

    private static readonly Lazy<Task<int>> MaxPoolSize = new(async () =>
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(MainServer) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int", connection);
        var open = (int)(await command.ExecuteScalarAsync())! - SpareConnections;
        var size = Math.Min(open / Pools, Persistence.DefaultMaxPoolSize);
        return size >= 3 ? size : throw new InvalidOperationException(
            $"PostgreSQL at {connection.Host}:{connection.Port} lets the tests open {open} connections, too few for {Pools} pools of 3: " +
            "raise its max_connections (scripts/ensure-postgres.sh sets 300 on a cluster it provisions).");
    });

    /// <summary>
    /// The pools of all the hosts, the tests and a rebuild, full at once, still fit in the server's max_connections:
    /// a burst of requests queues for a connection of its host instead of being refused by PostgreSQL (53300, too many
    /// clients), which the service would answer 503. Waiting for a connection, and a command waiting for a lock behind a
    /// burst, are bounded by <see cref="Patience"/> rather than by Npgsql's 15 and 30 s. The application name tells each
    /// host's connections apart in pg_stat_activity.
    /// </summary>
    private static async Task<string> OnMainServerAsync(string schema) => new NpgsqlConnectionStringBuilder(MainServer)
    {
        MaxPoolSize = await MaxPoolSize.Value,
        Timeout = (int)Patience.TotalSeconds,
        CommandTimeout = (int)Patience.TotalSeconds,
        ApplicationName = $"tests/{schema}"
    }.ConnectionString;

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
        // The async daemon stands aside while the events go, so that it starts again from the new first event.
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await daemon.PauseAsync();
        // Marten's reset starts the event sequence at 1 again, which no store in production ever sees: the daemon's high
        // water mark from the previous test could then equal the new test's last event, and would never be published as
        // progress. The sequence goes on from where it was instead, and the stored high water mark with it (else the
        // numbers of the deleted events would be a gap to wait out), so every new event is above any mark seen before.
        // Each database has its own sequence, and keeps it.
        var sequence = $"{Schema}.mt_events_sequence";
        var lastSequences = new Dictionary<string, long>();
        foreach (var database in Databases.Values)
        {
            lastSequences[database] = (long)(await ScalarOnAsync(database, $"select last_value from {sequence}"))!;
        }
        try
        {
            // Truncating takes each table's exclusive lock in turn and can deadlock with a request of the previous test
            // that is still finishing; PostgreSQL cancels one side, and the reset runs again.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    await Store.Advanced.ResetAllData(CancellationToken.None);
                    foreach (var (database, lastSequence) in lastSequences)
                    {
                        await ScalarOnAsync(database, $"truncate {Schema}.{Numbering.TableName}, {Schema}.{HashChain.TableName}, {Schema}.{HashChain.HeadTableName}, {Schema}.{HashChain.PendingTableName}, {Schema}.{Idempotency.TableName}, {Schema}.wolverine_incoming_envelopes, {Schema}.wolverine_outgoing_envelopes");
                        await ScalarOnAsync(database, $"select setval('{sequence}', {lastSequence})");
                        await ScalarOnAsync(database, $"insert into {Schema}.mt_event_progression (name, last_seq_id) values ('HighWaterMark', {lastSequence}) " +
                                                      "on conflict (name) do update set last_seq_id = excluded.last_seq_id");
                    }
                    break;
                }
                catch (PostgresException deadlock) when (deadlock.SqlState == PostgresErrorCodes.DeadlockDetected && waited.Elapsed < Patience)
                {
                    // This side was cancelled; the other went on and will finish.
                }
            }
        }
        finally
        {
            await daemon.ResumeAsync();
        }
    }

    public string Token(string organisation, params string[] roles) =>
        UserToken(organisation, $"{string.Join("+", roles)}@{organisation}", roles);

    /// <summary>Runs the organisation's reminder check now, as the schedule would (which the tests' hosts leave off), and waits for it.</summary>
    public Task CheckRemindersAsync(string organisation) => InvokeOnceAsync(organisation, new Api.Reminders.CheckReminders());

    /// <summary>
    /// Handles a message of the organisation now and waits for it. A twin (another node's, or a check run at the same
    /// moment) that committed first makes it fail on a stream it also starts; it then looks again and finds it done.
    /// </summary>
    protected async Task InvokeOnceAsync(string organisation, object message)
    {
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>();
        try
        {
            await bus.InvokeForTenantAsync(organisation, message);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            await bus.InvokeForTenantAsync(organisation, message);
        }
    }

    public string UserToken(string organisation, string user, params string[] roles) =>
        DevelopmentTokens.Mint(SigningKey, organisation, roles, user, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    /// <summary>How long <see cref="UntilAsync"/> rests between two looks at its condition; the deadline is <see cref="Patience"/>.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until the condition holds, looking again every <see cref="PollInterval"/>, for at most <see cref="Patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string awaited)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, $"waited in vain for {awaited}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until the async projections (the audit trail) have caught up with every event appended so far.</summary>
    /// Compared with the last event stored, not with the daemon's own high-water mark, which lags behind the appends.
    /// Every async projection must have its row: after a reset the daemon writes them anew, one by one, and the minimum
    /// of those already written says nothing of one not written yet.
    /// Each database's daemon is compared with that database's own events: sequences are per database.
    public async Task ProjectionsCaughtUpAsync()
    {
        var shards = string.Join(", ", ((DocumentStore)Store).Options.Projections.All.Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async)
            .Select(p => $"'{p.Name}:All'"));
        foreach (var (name, database) in Databases)
        {
            var last = (long)(await ScalarOnAsync(database, $"select coalesce(max(seq_id), 0) from {Schema}.mt_events"))!;
            if (last == 0) continue;
            await UntilAsync(async () => (bool)(await ScalarOnAsync(database,
                    $"select count(*) = cardinality(array[{shards}]) and coalesce(min(last_seq_id), 0) >= {last} from {Schema}.mt_event_progression where name in ({shards})"))!,
                $"the async projections of database {name} to reach event {last}");
        }
    }

    /// <summary>
    /// Waits until the chain writer has linked every event the service appended so far: none is marked as awaiting its
    /// link (a mark and its event commit together, and a link replaces its mark in one transaction).
    /// </summary>
    public async Task ChainLinkedAsync()
    {
        foreach (var (name, database) in Databases)
        {
            await UntilAsync(async () => (long)(await ScalarOnAsync(database, $"select count(*) from {Schema}.{HashChain.PendingTableName}"))! == 0,
                $"the chain writer of database {name} to link every appended event");
        }
    }

    /// <summary>
    /// Every event of every organisation, to prove a refused request wrote nothing. Marten's tombstones (placeholders
    /// over the sequence numbers of an append that lost a race at commit) are no event.
    /// </summary>
    public async Task<long> CountAllEventsAsync()
    {
        long count = 0;
        foreach (var database in Databases.Values)
        {
            count += (long)(await ScalarOnAsync(database, $"select count(*) from {Schema}.mt_events where type <> 'tombstone'"))!;
        }
        return count;
    }

    /// <summary>
    /// The connection string of each database the host spreads organisations over, by the name the host knows it by: the
    /// one of <see cref="ConnectionString"/> unless a collection places organisations on several.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> Databases => new Dictionary<string, string> { [TenantDatabases.SingleName] = ConnectionString };

    /// <summary>On the database of <see cref="ConnectionString"/>, which holds <c>nroc</c> in every collection.</summary>
    public Task<object?> ScalarAsync(string sql) => ScalarOnAsync(ConnectionString, sql);

    public async Task<object?> ScalarOnAsync(string connectionString, string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                return await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException died) when (attempt == 1 && ExceptionProblems.DatabaseUnavailable(died))
            {
                // A pooled connection that died with a restarted server (the fault tests restart theirs): open a new one.
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }
}

/// <summary>The host of the case API tests.</summary>
public sealed class CaseApiApp() : CasesApp("tests_cases");

[CollectionDefinition(Name)]
public sealed class CaseApiCollection : ICollectionFixture<CaseApiApp>
{
    public const string Name = "case api";
}

/// <summary>
/// The host of the commission, meeting and decision tests, and of the hostile catalogue, which it also serves over a
/// real socket (<see cref="LoopbackServer"/>).
/// </summary>
public sealed class MeetingApiApp() : CasesApp("tests_meetings")
{
    protected override void Configure(IWebHostBuilder builder) => builder.ConfigureServices(LoopbackServer.AddTo);

    public Task<Uri> LoopbackAsync() => Host.Services.GetRequiredService<LoopbackServer>().AddressAsync();
}

[CollectionDefinition(Name)]
public sealed class MeetingApiCollection : ICollectionFixture<MeetingApiApp>
{
    public const string Name = "meeting api";
}

/// <summary>
/// The host of the sanction, employee record, calendar and deadline tests. The other organisation gives its employees
/// <see cref="OtherOrgExplanationWorkingDays"/> working days to explain, to show an organisation's own limits are used.
/// </summary>
public sealed class SanctionApiApp() : CasesApp("tests_sanctions")
{
    public const int OtherOrgExplanationWorkingDays = 3;

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("SanctionRules:Organisations:pavlodar-region:ExplanationWorkingDays", OtherOrgExplanationWorkingDays.ToString());
}

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

/// <summary>
/// The host of the fault tests, on a PostgreSQL cluster of their own (scripts/fault-postgres.sh, port 5433) that they
/// stop and start under load while the other collections keep the main server. Connecting gives up after 3 seconds.
/// </summary>
public sealed class FaultApiApp() : CasesApp("tests_faults", "Host=localhost;Port=5433;Database=cases;Username=cases;Password=cases;Timeout=3")
{
    public override async Task InitializeAsync()
    {
        await FaultServer.StartAsync();
        await base.InitializeAsync();
    }
}

/// <summary>Starts and stops the fault tests' own PostgreSQL cluster.</summary>
public static class FaultServer
{
    public static Task StartAsync() => RunAsync("fault-postgres.sh", "start");
    public static Task StopAsync() => RunAsync("fault-postgres.sh", "stop");

    /// <summary>Runs one of the repository's scripts, failing with what it wrote to standard error.</summary>
    public static async Task RunAsync(string name, params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", name);
        var start = new System.Diagnostics.ProcessStartInfo(script) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cases.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cases.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class FaultApiCollection : ICollectionFixture<FaultApiApp>
{
    public const string Name = "fault api";
}

/// <summary>
/// The host of the tenancy tests: organisations spread over two databases, the main server's (<c>nroc</c> among them)
/// and one on a second cluster (<see cref="SecondServer"/>), with Wolverine's control database beside the first.
/// </summary>
public sealed class TenancyApiApp() : CasesApp("tests_tenancy")
{
    public const string First = "a";
    public const string Second = "b";

    /// <summary>The regional commission and some of the organisations it oversees; every other organisation is on the first.</summary>
    public static readonly string[] OnSecond = ["pavlodar-region", "ekibastuz", "aksu"];

    /// <summary>The second database, with the same pool and timeouts as <see cref="CasesApp.ConnectionString"/>.</summary>
    public string SecondConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Port = SecondServer.Port, Database = SecondServer.DatabaseName
    }.ConnectionString;

    public override IReadOnlyDictionary<string, string> Databases =>
        new Dictionary<string, string> { [First] = ConnectionString, [Second] = SecondConnectionString };

    /// <summary>The connection string of the database the organisation is placed on.</summary>
    public string DatabaseOf(string organisation) => OnSecond.Contains(organisation) ? SecondConnectionString : ConnectionString;

    public override async Task InitializeAsync()
    {
        await SecondServer.StartAsync();
        await SecondServer.EnsureControlAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Tenancy:Databases:" + First, ConnectionString);
        builder.UseSetting("Tenancy:Databases:" + Second, SecondConnectionString);
        builder.UseSetting("Tenancy:DefaultDatabase", First);
        foreach (var organisation in OnSecond) builder.UseSetting($"Tenancy:Placement:{organisation}", Second);
        builder.UseSetting("Tenancy:Control", new NpgsqlConnectionStringBuilder(ConnectionString) { Database = SecondServer.ControlName }.ConnectionString);
    }
}

/// <summary>
/// The second PostgreSQL cluster the tenancy tests place organisations on (scripts/extra-postgres.sh, port 5434), created
/// on first use. Its database is named after the main one, so that two runs on two main databases never share it, and
/// never bears the main one's name (Marten and Wolverine tell databases apart by host and name, not port).
/// </summary>
public static class SecondServer
{
    public const int Port = 5434;

    private static string MainDatabase => new NpgsqlConnectionStringBuilder(CasesApp.MainServer).Database ?? "cases";
    public static string DatabaseName => MainDatabase + "_second";

    /// <summary>Wolverine's control database, on the main server.</summary>
    public static string ControlName => MainDatabase + "_control";

    /// <summary>Starts the cluster, creating it and its database if missing.</summary>
    public static Task StartAsync() => FaultServer.RunAsync("extra-postgres.sh", "second", Port.ToString(), DatabaseName, "start");

    public static Task StopAsync() => FaultServer.RunAsync("extra-postgres.sh", "second", Port.ToString(), DatabaseName, "stop");

    /// <summary>Creates the control database on the main server if missing (the tests' role may create databases).</summary>
    public static async Task EnsureControlAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(CasesApp.MainServer) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection) { Parameters = { new("name", ControlName) } };
        if ((long)(await exists.ExecuteScalarAsync())! > 0) return;
        await using var create = new NpgsqlCommand($"create database \"{ControlName}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException twin) when (twin.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another run created it meanwhile.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TenancyApiCollection : ICollectionFixture<TenancyApiApp>
{
    public const string Name = "tenancy api";
}

/// <summary>
/// The host of the public channel, personal data and retention tests: small limits, so that each is reached in a few
/// requests, and receipts hashed with the fewest iterations allowed.
/// </summary>
public sealed class PublicApiApp() : CasesApp("tests_public")
{
    public const int RequestsPerWindow = 10;
    public const int AnonymousReportsPerHour = 3;
    public const int MaxPublicBodyBytes = 2048;
    public const string OwnPage = "ekibastuz";
    public const int RetentionDays = 365;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("PublicReporting:RequestsPerWindow", RequestsPerWindow.ToString());
        builder.UseSetting("PublicReporting:Window", "00:10:00");
        builder.UseSetting("PublicReporting:AnonymousReportsPerHour", AnonymousReportsPerHour.ToString());
        builder.UseSetting("PublicReporting:MaxRequestBodyBytes", MaxPublicBodyBytes.ToString());
        // One organisation whose page speaks Kazakh first, then Russian, and takes two categories of report.
        builder.UseSetting($"PublicReporting:Pages:{OwnPage}:Languages:0", "kk");
        builder.UseSetting($"PublicReporting:Pages:{OwnPage}:Languages:1", "ru");
        builder.UseSetting($"PublicReporting:Pages:{OwnPage}:Categories:0", "corruption");
        builder.UseSetting($"PublicReporting:Pages:{OwnPage}:Categories:1", "ethics");
        builder.UseSetting("PublicReporting:ReceiptHashIterations", "10000");
        builder.UseSetting("Retention:ClosedCaseDays", RetentionDays.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class PublicApiCollection : ICollectionFixture<PublicApiApp>
{
    public const string Name = "public api";
}

/// <summary>
/// The host of the seeds' reports: the demo is loaded once, as a user's first run loads it, and every test of the
/// collection only reads it (so none resets it).
/// </summary>
public sealed class DemoApp() : CasesApp("tests_demo")
{
    /// <summary>The regional commission's session of 21 May 2019.</summary>
    public Guid Session { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ResetAsync();
        await new DemoScenario(Host.Server.CreateClient(), role => Token(DemoScenario.Organisation, role)).LoadAsync(CancellationToken.None);
        Session = await new RegionalDemoScenario(Host.Server.CreateClient(), role => Token(RegionalDemoScenario.Organisation, role))
            .LoadAsync(CancellationToken.None);
        await ProjectionsCaughtUpAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "demo";
}
