using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// A secretary who is also a member reads their reminders on Tuesday 16 November 2021: the decision due on Friday as a
/// secretary's reminder, the one due on Monday 15 as an escalation to the members on top; they snooze the first
/// (not to today) and acknowledge the second, and the list is empty. An analyst is reminded of nothing.
/// </summary>
public sealed class when_reading_my_reminders_in_the_console(BrowserApp app) : CommissionConsoleTests(app)
{
    private const string Coming = "1/2021-1";
    private const string Overdue = "1/2021-2";

    [Fact]
    public async Task the_escalation_comes_first_a_reminder_is_snoozed_to_a_later_day_and_one_acknowledged()
    {
        var (meetingId, version) = await VotedMeetingAsync(await CommissionAsync(), new { question = "Annual plan" }, new { question = "Gifts register" });
        App.Clock.Now = new DateTimeOffset(2021, 11, 16, 9, 0, 0, TimeSpan.Zero);
        version = (await ResolveAsync(meetingId, version, 1, "2021-11-19")).Version;
        await ResolveAsync(meetingId, version, 2, "2021-11-15");
        await App.CheckRemindersAsync(Org);
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary, Roles.Member]);

        await GoAsync(page, $"{Console}/reminders");
        var escalations = page.Locator("section:has(h2#escalations) tbody tr");
        await Expect(escalations).ToHaveCountAsync(1);
        await Expect(escalations.Locator("th a")).ToHaveTextAsync(Overdue);
        await Expect(escalations).ToContainTextAsync("Overdue, escalated");
        var coming = page.Locator("section:has(h2#reminders) tbody tr");
        await Expect(coming).ToHaveCountAsync(1);
        await Expect(coming.Locator("th a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^{Console}/decisions/[0-9a-f-]{{36}}$"));
        await Expect(coming).ToContainTextAsync("Execution of a decision");
        await Expect(coming).ToContainTextAsync("2021-11-19");
        await Expect(coming).ToContainTextAsync("Before the last day");
        await CheckPageAsync(page, "en", "reminders");
        await GoAsync(page, $"{Console}/language?lang=kk&returnUrl={Uri.EscapeDataString($"{Console}/reminders")}");
        await CheckPageAsync(page, "kk", "reminders");
        await page.Locator($"main a[href='{Console}/reminders/rules']").ClickAsync();
        await CheckPageAsync(page, "kk", "reminder-rules");
        await GoAsync(page, $"{Console}/language?lang=en&returnUrl={Uri.EscapeDataString($"{Console}/reminders")}");

        var row = page.Locator("tr", new() { HasText = Coming });
        await row.Locator("input[type=date]").FillAsync("2021-11-16");
        (await SubmitAsync(page, Button(page, $"Snooze {Coming}"))).ShouldBe(409);
        await Expect(row.Locator(".refusal")).ToContainTextAsync("A reminder is snoozed to a later day than today.");
        await row.Locator("input[type=date]").FillAsync("2021-11-17");
        (await SubmitAsync(page, Button(page, $"Snooze {Coming}"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The reminder was snoozed.");
        await Expect(page.Locator("tr", new() { HasText = Coming })).ToHaveCountAsync(0);

        (await SubmitAsync(page, Button(page, $"Acknowledge {Overdue}"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The reminder was acknowledged.");
        await Expect(page.Locator("main")).ToContainTextAsync("You have no open reminders.");

        var analyst = await SignedInAsync("an-1", [Roles.Analyst]);
        await GoAsync(analyst, $"{Console}/reminders", 403);
        await Expect(Refusal(analyst)).ToContainTextAsync("Your roles do not allow this.");
    }

    [Fact]
    public async Task the_compliance_service_changes_the_rules_and_a_change_of_nothing_is_refused()
    {
        var page = await SignedInAsync("co-1", [Roles.Compliance]);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Reminder rules" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{Console}/reminders/rules$"));
        await CheckPageAsync(page, "en", "reminder-rules");

        var days = page.GetByLabel("Execution of a decision: working days before");
        await days.FillAsync("5");
        await page.GetByLabel("Execution of a decision: escalate to").SelectOptionAsync(Roles.Hr);
        (await SubmitAsync(page, Button(page, "Change the rules"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The reminder rules were changed.");
        await Expect(days).ToHaveValueAsync("5");

        (await SubmitAsync(page, Button(page, "Change the rules"))).ShouldBe(409);
        await Expect(Refusal(page)).ToContainTextAsync("These are already the rules in force: nothing would change.");
        var rules = await GetAsync<global::Cases.Api.Reminders.ReminderRulesRead>("/api/reminder-rules", App.Token(Org, Roles.Compliance));
        rules.Rules.Single(r => r.Kind == "decision-execution").ShouldBe(new global::Cases.Domain.Reminders.ReminderRule("decision-execution", 5, Roles.Secretary, Roles.Hr));
    }
}
