using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Who records what the service does by itself (an expiry, a decision falling overdue, an upgrade's mending): the
/// service, never the person whose request scheduled it, and with no roles. The causation id names the scheduled
/// message or the run that caused the events, so the audit trail can lead back to it.
/// </summary>
public static class ServiceIdentity
{
    public const string UserName = "service";

    public static void Stamp(IDocumentSession session, string causationId)
    {
        session.LastModifiedBy = UserName;
        session.CausationId = causationId;
    }
}
