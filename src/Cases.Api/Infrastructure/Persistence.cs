using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Api.ActionPlans;
using Cases.Api.Audit;
using Cases.Api.Calendars;
using Cases.Api.Calls;
using Cases.Api.Cases;
using Cases.Api.Commissions;
using Cases.Api.Contacts;
using Cases.Api.Deadlines;
using Cases.Api.Employees;
using Cases.Api.Meetings;
using Cases.Api.MobileGroups;
using Cases.Api.Monitoring;
using Cases.Api.Privacy;
using Cases.Api.Public;
using Cases.Api.Reminders;
using Cases.Api.Retention;
using Cases.Api.RiskAnalysis;
using Cases.Api.Sanctions;
using Cases.Api.Statistics;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The event store: one PostgreSQL schema, organisations as conjoined tenants of every event and document, in one
/// database or spread over several (<see cref="TenantDatabases"/>).
/// </summary>
public static class Persistence
{
    public const string ConnectionStringName = "Cases";
    public const int DefaultMaxPoolSize = 30;

    public static IServiceCollection AddCasesPersistence(this IServiceCollection services, IConfiguration config)
    {
        var databases = TenantDatabases.From(config, Decorate);
        var schema = config["Marten:Schema"] ?? "cases";
        var migrateOnStart = MigratesOnStart(config);

        var marten = services.AddMarten(opts =>
            {
                opts.AutoCreateSchemaObjects = migrateOnStart ? JasperFx.AutoCreate.CreateOrUpdate : JasperFx.AutoCreate.None;
                if (databases.Several)
                {
                    // Each database holds its organisations in conjoined tenancy, as the one database holds them all.
                    var organisations = databases.OrganisationsOn(config.GetSection("Organisations:Names").GetChildren().Select(c => c.Key));
                    opts.MultiTenantedDatabases(tenancy =>
                    {
                        foreach (var (name, connectionString) in databases.ConnectionStrings)
                        {
                            tenancy.AddMultipleTenantDatabase(connectionString, name).ForTenants(organisations[name]);
                        }
                    });
                }
                else opts.Connection(databases.ConnectionStrings.Values.Single());
                opts.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonContract.ConfigureStored);

                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Listeners.Add(new ServiceIdentityCheck());
                // Event times and sequence numbers are taken before the events are written, so inline projections see them.
                opts.Events.AppendMode = EventAppendMode.Rich;
                // An event the daemon cannot read or apply is recorded as a dead letter (mt_doc_deadletterevent) and
                // skipped, so one poison event never stalls the audit trail of every organisation.
                opts.Projections.Errors.SkipApplyErrors = true;
                opts.Projections.Errors.SkipSerializationErrors = true;
                opts.Projections.Errors.SkipUnknownEvents = true;
                // Sequence numbers an append has reserved but not yet committed look like a gap to the daemon, which
                // gives up on a gap after this long and never projects what fills it later: a slow commit on a busy
                // server would leave events out of the audit trail. Failed appends leave tombstones, so a real gap
                // is rare and only delays the trail by this much.
                opts.Projections.StaleSequenceThreshold = config.GetValue("Marten:StaleSequenceThreshold", TimeSpan.FromMinutes(2));
                // The lock shim's DistributedLock needs the transaction-scoped advisory lock (see README).
                opts.Events.UseAdvisoryLockTransaction = true;

                // Each domain registers its events, read models and tables beside them; the order is the one inline
                // projections run in, within the writing transaction.
                // The reporter's clocks, which the case summaries and the deadlines are projected with.
                var reporter = ReporterDeadlinesSection(config);
                opts.ConfigureCases(reporter)
                    .ConfigurePublicReports()
                    .ConfigureCommissions()
                    .ConfigureMeetings()
                    .ConfigureCalendars()
                    .ConfigureSanctions()
                    .ConfigureEmployees()
                    .ConfigureDeadlines(reporter)
                    .ConfigureAudit()
                    .ConfigureStatistics()
                    .ConfigureContacts()
                    .ConfigureMonitoring()
                    .ConfigureCalls()
                    .ConfigurePrivacy()
                    .ConfigureRetention()
                    .ConfigureRiskAnalysis()
                    .ConfigureMobileGroups()
                    .ConfigureActionPlans()
                    .ConfigureReminders()
                    .ConfigureRebuilds();

                opts.Storage.ExtendedSchemaObjects.Add(Numbering.Table(schema));
                opts.Storage.ExtendedSchemaObjects.Add(Idempotency.Table(schema));
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(wolverine =>
            {
                wolverine.UseWolverineManagedEventSubscriptionDistribution = true;
                // Nodes, assignments and messages of no organisation live apart from every organisation's database.
                if (databases.Control is { } control) wolverine.MainDatabaseConnectionString = Decorate(control);
            });
        if (migrateOnStart) marten.ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton(databases);
        services.AddSingleton(new ChainVerifier(databases, schema));
        services.AddSingleton(new IdempotencyStore(databases, schema));
        // Registered after Marten's own schema migration, which it needs to have run.
        services.AddHostedService(_ => new HashChainInstaller(databases, schema));
        return services;
    }

    /// <summary>
    /// The service's own connections say so, and only their appends are linked into the hash chain. Unless the connection
    /// string says otherwise, a burst of requests queues for one of a bounded number of connections instead of taking all
    /// of PostgreSQL's (100 by default), which other nodes and tools need too.
    /// </summary>
    private static string Decorate(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured) { Options = $"-c {HashChain.Setting}=on" };
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "").ToLowerInvariant() is "maximumpoolsize" or "maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        return builder.ConnectionString;
    }

    /// <summary>Configuration section <c>Deadlines</c>; validated as the service starts (see Program).</summary>
    public static ReporterDeadlines ReporterDeadlinesSection(IConfiguration config) =>
        config.GetSection(ReporterDeadlinesSectionName).Get<ReporterDeadlines>() ?? new ReporterDeadlines();

    public const string ReporterDeadlinesSectionName = "Deadlines";

    /// <summary>Stores each event under the name its domain gives it, so that renaming a type never orphans a stored event.</summary>
    public static StoreOptions MapEventTypes(this StoreOptions opts, IReadOnlyDictionary<Type, string> names)
    {
        foreach (var (type, name) in names) opts.Events.MapEventType(type, name);
        return opts;
    }

    /// <summary>
    /// Whether a node checks and migrates the schema as it starts (the default). A deployment that applies it once
    /// beforehand (`db-apply`, then `resources setup`) sets <c>Marten:MigrateOnStart=false</c>: the check is most of a start.
    /// </summary>
    public static bool MigratesOnStart(IConfiguration config) => config.GetValue("Marten:MigrateOnStart", true);
}
