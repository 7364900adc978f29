using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// Two nodes of the service on one database, each with its own mail server, look for nroc's reminders at the same
/// moment, twice each, on the days a decision's and a new case's reminders fall due: every reminder is recorded once,
/// and mailed once, by whichever node recorded it.
/// </summary>
[Collection(ReminderApiCollection.Name)]
public class when_two_nodes_look_for_reminders_at_once(ReminderApiApp app) : MeetingApiTests<ReminderApiApp>(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Mailbox.Received.Clear();
    }

    private async Task<long> CountAsync(string condition) =>
        (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where type = 'reminder_sent' and {condition}"))!;

    [Fact]
    public async Task each_reminder_is_recorded_and_mailed_exactly_once()
    {
        var decision = await AdoptedDecisionAsync(dueDate: "2021-11-19");
        var registered = await RegisterAsync(Registration(receivedOn: "2021-11-15"));
        var second = new ReminderSecondNode();
        try
        {
            await second.InitializeAsync();
            foreach (var day in new[] { 16, 19, 22 })
            {
                App.Clock.Now = second.Clock.Now = new DateTimeOffset(2021, 11, day, 9, 0, 0, TimeSpan.Zero);
                await Task.WhenAll(App.CheckRemindersAsync(Org), second.CheckRemindersAsync(Org), App.CheckRemindersAsync(Org), second.CheckRemindersAsync(Org));
            }

            // The decision: before and on the day to the secretary, escalated to the member; the case: before and on the day to the registrar.
            (await CountAsync($"data->>'streamId' = '{decision.DecisionId}'")).ShouldBe(3);
            (await CountAsync($"data->>'streamId' = '{registered.Id}' and data->>'kind' = 'case-acknowledgement'")).ShouldBe(2);
            var mailed = await CountAsync("(data->>'mailed')::boolean");
            mailed.ShouldBe(5);
            // The day's digests go out from the same checks: only the reminders' mails are counted here.
            var mails = () => App.Mailbox.Received.Concat(second.Mailbox.Received).Where(m => !TestMailbox.IsDigest(m)).ToArray();
            await CasesApp.UntilAsync(() => Task.FromResult(mails().Length >= mailed), $"{mailed} mails between the two nodes");
            await App.ProjectionsCaughtUpAsync();
            mails().Length.ShouldBe((int)mailed);
            mails().GroupBy(m => m.MessageId).ShouldAllBe(g => g.Count() == 1);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
