using JasperFx;
using JasperFx.Core;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Cases.Api.Reminders;

/// <summary>
/// An organisation's chain of scheduled checks: the link of the one pending, and when it is due on the organisation's
/// clock. Only the check carrying that link continues the chain, so a chain started twice (two nodes starting at once,
/// a node that found the pending link late) runs on as one.
/// </summary>
public sealed class ReminderCheckChain
{
    /// <summary>The organisation.</summary>
    public string Id { get; set; } = "";

    public Guid Link { get; set; }
    public DateTimeOffset Due { get; set; }
}

/// <summary>Start the organisation's chain of checks unless a link of it is pending.</summary>
public sealed record StartReminderChecks;

/// <summary>
/// Each organisation's reminders are checked every <see cref="NotificationSettings.CheckEvery"/> by a durable Wolverine
/// message that schedules the next one in the transaction of its check, so the chain lives in PostgreSQL across
/// restarts and nodes; every node asks at start, and every period after, for the chain to be started, which only an ask
/// finding no link pending does.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>Moves the chain on to a new link due one period from now, and returns that link's check.</summary>
    public static DeliveryMessage<CheckReminders> Continue(IDocumentSession session, ReminderCheckChain? chain, string organisation, DateTimeOffset now, TimeSpan every)
    {
        var link = Guid.NewGuid();
        if (chain is null)
        {
            // Two nodes starting the first chain at once: the second insert fails, and its retry finds the chain.
            session.Insert(new ReminderCheckChain { Id = organisation, Link = link, Due = now + every });
        }
        else
        {
            chain.Link = link;
            chain.Due = now + every;
            session.Update(chain);
        }
        return new CheckReminders(link).DelayedFor(every);
    }
}

public static class StartReminderChecksHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<ConcurrencyException>().Or<DocumentAlreadyExistsException>().RetryWithCooldown(50.Milliseconds(), 200.Milliseconds(), 1.Seconds());

    public static async Task<OutgoingMessages> Handle(StartReminderChecks start, IDocumentSession session, IMessageContext context, OrganisationClock clock,
        IOptions<NotificationSettings> notifications, CancellationToken ct)
    {
        var organisation = context.TenantId!;
        var now = clock.For(organisation).Now;
        var every = notifications.Value.CheckEvery;
        var chain = await session.LoadAsync<ReminderCheckChain>(organisation, ct);
        // A link a whole period past due was lost (its check failed until Wolverine gave up, or its message was lost):
        // a new one replaces it, and the old one, should it come, ends there. One merely late (Wolverine polls for its
        // scheduled messages, a busy node is late) is left to come, or a check would be skipped.
        if (every <= TimeSpan.Zero || chain is not null && chain.Due + every >= now) return [];
        return [ReminderSchedule.Continue(session, chain, organisation, now, every)];
    }
}

/// <summary>
/// Asks, on every node, at start and then every period, for each organisation's chain of checks: the ask does nothing
/// while a link is pending, and starts the chain again when its link was lost, so a chain never stops for good (a
/// check that failed until Wolverine gave up, an organisation whose database could not be reached) before a restart.
/// </summary>
public sealed class ReminderChecksStart(IOptions<NotificationSettings> settings, IOptions<OrganisationSettings> organisations, IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime, ILogger<ReminderChecksStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = settings.Value.CheckEvery;
        if (every <= TimeSpan.Zero) return;
        // Wolverine starts after this service: messages are sent once the host has started.
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        var all = organisations.Value.Names.Keys.Order(StringComparer.Ordinal).ToArray();
        while (true)
        {
            foreach (var organisation in all)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync(organisation, new StartReminderChecks(), stoppingToken);
                }
                catch (Exception failed) when (failed is not OperationCanceledException)
                {
                    // One organisation's failure (its database down) must not keep the others' reminders back.
                    log.LogWarning(failed, "Reminder checks of {Organisation} not started", organisation);
                }
            }
            await Task.Delay(every, stoppingToken);
        }
    }
}
