using Cases.Api.Reminders;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// Each organisation's reminders are looked for every period by a chain of durable Wolverine messages: it goes on by
/// itself, stays one however many nodes start it, and survives a restart. The schema is emptied first, which ends the
/// chains the host started; nroc's is started again as a node starting would.
/// </summary>
[Collection(ReminderScheduleCollection.Name)]
public class when_reminders_are_looked_for_on_schedule(ReminderScheduleApp app) : IAsyncLifetime
{
    private const string Org = "nroc";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await StartAsync();
    }

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
}
