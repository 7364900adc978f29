using Cases.Domain.Audit;
using Cases.Projections.Audit;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Audit;

public static class AuditConfiguration
{
    /// <summary>The reads of sensitive records, the audit trail of every event, and the hash chain that seals them.</summary>
    public static StoreOptions ConfigureAudit(this StoreOptions opts)
    {
        // The trail is written behind the appends by the async daemon, so auditing never slows a write; Wolverine
        // runs it on one node of the cluster and moves it when that node dies.
        opts.Projections.Add(new AuditTrailProjection(), ProjectionLifecycle.Async);
        // Archived cases keep their trail, down to the events that archived them, also when it is rebuilt.
        foreach (var audit in opts.Projections.All.Where(p => p.ImplementationType == typeof(AuditTrailProjection)).OfType<IEventFilterable>())
        {
            audit.IncludeArchivedEvents = true;
        }
        opts.Schema.For<AuditEntry>().Index(x => x.Sequence).Index(x => x.CaseId).Index(x => x.User).Index(x => x.Time);
        opts.Storage.ExtendedSchemaObjects.Add(HashChain.Table(opts.DatabaseSchemaName));
        opts.Storage.ExtendedSchemaObjects.Add(HashChain.HeadTable(opts.DatabaseSchemaName));
        opts.Storage.ExtendedSchemaObjects.Add(HashChain.PendingTable(opts.DatabaseSchemaName));
        // The chain is linked behind the appends, by one writer in the async daemon, so appends never queue on it.
        opts.Events.Subscribe(new ChainWriter(opts.DatabaseSchemaName));
        return opts.MapEventTypes(AuditEventNames.Stored);
    }
}
