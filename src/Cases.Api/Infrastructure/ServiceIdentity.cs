using Cases.Domain;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Wolverine;
using Wolverine.Runtime.Handlers;

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

    /// <summary>
    /// Wolverine middleware of every message handler (never of an HTTP endpoint), applied as a policy so that no handler
    /// can forget it. A message is always the service acting on a schedule: Wolverine would record it under the user
    /// whose request sent it (EnableRelayOfUserName), as if that person had acted. It runs after Wolverine opened the
    /// session from the envelope, so its stamp is the one kept; the correlation id stays the request's, so the trail
    /// leads back to it, and messages the handler schedules in turn carry the service's name, not the person's.
    /// </summary>
    public static void Before(IMessageContext context, IDocumentSession session)
    {
        Stamp(session, context.Envelope!.Id.ToString());
        context.UserName = UserName;
    }

    /// <summary>The handlers the middleware applies to: all of the service's own, none of Wolverine's internal ones.</summary>
    public static bool IsOwnHandler(HandlerChain chain) =>
        chain.Handlers.Any(h => h.HandlerType.Assembly == typeof(ServiceIdentity).Assembly);

    /// <summary>
    /// Why the events about to be stored cannot be, or null: a fact the service records by itself is stored under the
    /// service's name and no roles, so neither a person's request nor a handler that lost its stamp can record one.
    /// </summary>
    public static string? Refusal(IEnumerable<IEvent> events, string? sessionUser, object? sessionRoles)
    {
        var misattributed = events.FirstOrDefault(e => e.Data is IRecordedByService
                                                        && ((e.UserName ?? sessionUser) != UserName || (e.GetHeader("roles") ?? sessionRoles) is not null));
        return misattributed is null
            ? null
            : $"{misattributed.Data.GetType().Name} is recorded by the service itself, never as user '{misattributed.UserName ?? sessionUser}' " +
              $"with roles '{misattributed.GetHeader("roles") ?? sessionRoles ?? "(none)"}'.";
    }
}

/// <summary>
/// Refuses to store a fact the service records by itself under anyone else's name (see <see cref="ServiceIdentity.Refusal"/>),
/// for every session of the store, a request's, a message handler's or a command's, just before the batch is written.
/// Only a programming error trips it; the sequence numbers the refused append had taken are then a gap the async daemon
/// skips after <c>Marten:StaleSequenceThreshold</c>.
/// </summary>
public sealed class ServiceIdentityCheck : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) =>
        ServiceIdentity.Refusal(session.PendingChanges.Streams().SelectMany(s => s.Events), session.LastModifiedBy, session.GetHeader("roles"))
            is { } refusal
            ? throw new InvalidOperationException(refusal)
            : Task.CompletedTask;
}
