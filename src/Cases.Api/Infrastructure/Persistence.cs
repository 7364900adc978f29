using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Api.Audit;
using Cases.Api.Privacy;
using Cases.Domain.Cases;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Domain.Audit;
using Cases.Domain.Calendars;
using Cases.Domain.Contacts;
using Cases.Domain.Employees;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using Cases.Domain.Sanctions;
using Cases.Projections.Audit;
using Cases.Projections.Deadlines;
using Cases.Projections.Employees;
using Cases.Projections.Meetings;
using Cases.Projections.Public;
using Cases.Projections.Sanctions;
using Cases.Projections.Statistics;
using Cases.Projections.Cases;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace Cases.Api.Infrastructure;

/// <summary>The event store: one PostgreSQL schema, organisations as conjoined tenants of every event and document.</summary>
public static class Persistence
{
    public const string ConnectionStringName = "Cases";
    public const int DefaultMaxPoolSize = 30;

    public static IServiceCollection AddCasesPersistence(this IServiceCollection services, IConfiguration config)
    {
        // The service's own connections say so, and only their appends are linked into the hash chain.
        var configured = config.GetConnectionString(ConnectionStringName)
                         ?? throw new InvalidOperationException($"Set ConnectionStrings__{ConnectionStringName}.");
        var builder = new NpgsqlConnectionStringBuilder(configured) { Options = $"-c {HashChain.Setting}=on" };
        // Unless the connection string says otherwise, a burst of requests queues for one of a bounded number of
        // connections instead of taking all of PostgreSQL's (100 by default), which other nodes and tools need too.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "").ToLowerInvariant() is "maximumpoolsize" or "maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        var connectionString = builder.ConnectionString;
        var schema = config["Marten:Schema"] ?? "cases";
        var migrateOnStart = MigratesOnStart(config);

        var marten = services.AddMarten(opts =>
            {
                opts.AutoCreateSchemaObjects = migrateOnStart ? JasperFx.AutoCreate.CreateOrUpdate : JasperFx.AutoCreate.None;
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonContract.ConfigureStored);

                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // Event times and sequence numbers are taken before the events are written, so inline projections see them.
                opts.Events.AppendMode = EventAppendMode.Rich;
                // An event the daemon cannot read or apply is recorded as a dead letter (mt_doc_deadletterevent) and
                // skipped, so one poison event never stalls the audit trail of every organisation.
                opts.Projections.Errors.SkipApplyErrors = true;
                opts.Projections.Errors.SkipSerializationErrors = true;
                opts.Projections.Errors.SkipUnknownEvents = true;
                // The lock shim's DistributedLock needs the transaction-scoped advisory lock (see README).
                opts.Events.UseAdvisoryLockTransaction = true;

                foreach (var (type, name) in CaseEventNames.Stored.Concat(CommissionEventNames.Stored).Concat(MeetingEventNames.Stored)
                             .Concat(SanctionEventNames.Stored).Concat(EmployeeEventNames.Stored).Concat(CalendarEventNames.Stored)
                             .Concat(AuditEventNames.Stored).Concat(ContactEventNames.Stored)
                             .Concat(PublicReportEventNames.Stored).Concat(PrivacyEventNames.Stored).Concat(RetentionEventNames.Stored))
                {
                    opts.Events.MapEventType(type, name);
                }

                opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<CaseSummary>()
                    .Index(x => x.ReceivedOn)
                    .Index(x => x.Number)
                    .GinIndexJsonData();

                opts.Projections.Add<PublicReportProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<PublicReport>().Index(x => x.LookupId).Index(x => x.ReportedAt);

                opts.Projections.Snapshot<Commission>(SnapshotLifecycle.Inline);
                opts.Projections.Add<MeetingDetailsProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<MeetingDetails>().Index(x => x.CommissionId).Index(x => x.ScheduledOn);
                opts.Projections.Add<DecisionSummaryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<DecisionSummary>()
                    .Index(x => x.DueDate)
                    .Index(x => x.CaseId)
                    .Index(x => x.ExecutorName)
                    .Index(x => x.CommissionId);

                opts.Projections.Snapshot<OrganisationCalendar>(SnapshotLifecycle.Inline);
                opts.Projections.Add<SanctionSummaryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<SanctionSummary>().Index(x => x.PersonnelNumber).Index(x => x.CaseId);
                opts.Projections.Add<EmployeeHistoryProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DeadlineProjection>(ProjectionLifecycle.Inline);
                // The trail is written behind the appends by the async daemon, so auditing never slows a write; Wolverine
                // runs it on one node of the cluster and moves it when that node dies.
                opts.Projections.Add(new AuditTrailProjection(), ProjectionLifecycle.Async);
                // Archived cases keep their trail, down to the events that archived them, also when it is rebuilt.
                foreach (var audit in opts.Projections.All.Where(p => p.ImplementationType == typeof(AuditTrailProjection)).OfType<IEventFilterable>())
                {
                    audit.IncludeArchivedEvents = true;
                }
                opts.Projections.Add<StatisticsProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<StatisticFact>().Index(x => x.Month);
                opts.Schema.For<AuditEntry>().Index(x => x.Sequence).Index(x => x.CaseId).Index(x => x.User).Index(x => x.Time);
                opts.Schema.For<Deadline>().Index(x => x.StreamId).Index(x => x.DueOn);

                opts.Storage.ExtendedSchemaObjects.Add(Numbering.Table(schema));
                opts.Storage.ExtendedSchemaObjects.Add(HashChain.Table(schema));
                opts.Storage.ExtendedSchemaObjects.Add(HashChain.HeadTable(schema));
                opts.Storage.ExtendedSchemaObjects.Add(Idempotency.Table(schema));
                opts.Storage.ExtendedSchemaObjects.Add(PersonalKeys.Table(schema));
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(wolverine => wolverine.UseWolverineManagedEventSubscriptionDistribution = true);
        if (migrateOnStart) marten.ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton(new ChainVerifier(connectionString, schema));
        services.AddSingleton(new IdempotencyStore(connectionString, schema));
        // Registered after Marten's own schema migration, which it needs to have run.
        services.AddHostedService(_ => new HashChainInstaller(connectionString, schema));
        return services;
    }

    /// <summary>
    /// Whether a node checks and migrates the schema as it starts (the default). A deployment that applies it once
    /// beforehand (`db-apply`, then `resources setup`) sets <c>Marten:MigrateOnStart=false</c>: the check is most of a start.
    /// </summary>
    public static bool MigratesOnStart(IConfiguration config) => config.GetValue("Marten:MigrateOnStart", true);
}
