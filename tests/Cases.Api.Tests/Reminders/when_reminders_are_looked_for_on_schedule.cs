using Cases.Api.Reminders;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// Each organisation's reminders are looked for every period by a chain of durable Wolverine messages: it goes on by
/// itself, stays one however many nodes start it, survives a restart, and is taken up again when its pending link is
/// lost. The schema is emptied first, which ends the chains the host started; nroc's is started again as a node
/// starting would (and the host's own ask, every period, starts them all again).
/// </summary>
[Collection(ReminderScheduleCollection.Name)]
public class when_reminders_are_looked_for_on_schedule(ReminderScheduleApp app) : IAsyncLifetime
{
    private const string Org = "nroc";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        // The host asks for the chains every period, also while the reset empties the schema: a chain it started then
        // may have lost its check to the reset. A period and more later, such a link is past due, and is replaced.
        app.Clock.Now = TestClock.Start.AddMinutes(1);
        await StartAsync();
        // Every chain is linked anew on the clock as it is now, and the checks of the chains the reset ended have come and gone.
        await CasesApp.UntilAsync(async () => await StaleChainsAsync() == 0 && await ExtraChecksAsync() <= 0, "the chains linked anew after the reset");
    }

    private async Task<long> StaleChainsAsync() =>
        (long)(await app.ScalarAsync($"select count(*) from {app.Schema}.mt_doc_remindercheckchain where (data->>'due')::timestamptz < '{app.Clock.Now:o}'"))!;

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task StartAsync()
    {
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync(Org, new StartReminderChecks());
    }

    private async Task<ReminderCheckChain?> ChainAsync()
    {
        await using var session = app.Store.QuerySession(Org);
        return await session.LoadAsync<ReminderCheckChain>(Org);
    }

    /// <summary>The checks scheduled beyond one per chain (every organisation's: the host starts them all).</summary>
    private async Task<long> ExtraChecksAsync() =>
        (long)(await app.ScalarAsync(
            $"select (select count(*) from {app.Schema}.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%.CheckReminders')" +
            $" - (select count(*) from {app.Schema}.mt_doc_remindercheckchain)"))!;

    /// <summary>Waits for the chain to move on from the link, never finding more checks scheduled than chains meanwhile.</summary>
    private async Task<Guid> MovedOnFromAsync(Guid link)
    {
        var next = link;
        await CasesApp.UntilAsync(async () =>
        {
            (await ExtraChecksAsync()).ShouldBeLessThanOrEqualTo(0);
            next = (await ChainAsync())?.Link ?? link;
            return next != link;
        }, $"the chain moved on from {link}");
        return next;
    }

    [Fact]
    public async Task the_check_comes_again_and_again_and_stays_one_however_many_nodes_start_it()
    {
        var first = (await ChainAsync()).ShouldNotBeNull().Link;
        using (var scope = app.Host.Services.CreateScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            // Three nodes starting at once, and a link of a chain since replaced coming late.
            await Task.WhenAll(StartAsync(), StartAsync(), StartAsync(), bus.InvokeForTenantAsync(Org, new CheckReminders(Guid.NewGuid())));
        }
        var second = await MovedOnFromAsync(first);
        await MovedOnFromAsync(second);
        (await ExtraChecksAsync()).ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task the_chain_goes_on_after_a_restart_without_a_second_one()
    {
        var link = (await ChainAsync()).ShouldNotBeNull().Link;
        await app.RestartAsync();
        await MovedOnFromAsync(link);
        (await ExtraChecksAsync()).ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task a_chain_whose_pending_check_was_lost_is_taken_up_again_without_a_restart()
    {
        var link = (await ChainAsync()).ShouldNotBeNull().Link;
        // The pending checks are lost, as if Wolverine had given up on them; then a whole period and more goes by.
        await CasesApp.UntilAsync(async () =>
        {
            try
            {
                await app.ScalarAsync($"delete from {app.Schema}.wolverine_incoming_envelopes where message_type like '%.CheckReminders'");
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
            {
                // Wolverine's own polling holds those rows at that moment: the delete is tried again.
                return false;
            }
        }, "the pending checks deleted");
        app.Clock.Now = app.Clock.Now.AddMinutes(1);
        var next = link;
        await CasesApp.UntilAsync(async () => (next = (await ChainAsync())?.Link ?? link) != link, "the chain taken up again");
        await CasesApp.UntilAsync(async () => await ExtraChecksAsync() <= 0, "one check scheduled per chain");
        await MovedOnFromAsync(next);
    }
}
