using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>The secretary holds a meeting through the console's pages; members and broken rules are refused as the API refuses them.</summary>
public sealed class when_holding_a_meeting_in_the_console(BrowserApp app) : CommissionConsoleTests(app)
{
    [Fact]
    public async Task a_secretary_schedules_holds_and_resolves_a_meeting_into_a_decision()
    {
        await CommissionAsync();
        await ReferredCaseAsync();
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary]);
        await GoAsync(page, $"{Console}/meetings");

        await page.Locator("#schedule-scheduledFor").FillAsync("2021-11-15T10:00");
        await page.Locator("#schedule-place").FillAsync("Conference room, 3rd floor");
        await page.Locator("input[name='Scheduling.Cases']").First.CheckAsync();
        (await SubmitAsync(page, Button(page, "Schedule a meeting"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The meeting was scheduled.");
        foreach (var voter in Voters) await page.Locator($"#present-{voter}").CheckAsync();
        (await SubmitAsync(page, Button(page, "Record attendance"))).ShouldBe(302);
        await Expect(page.Locator("#quorum")).ToContainTextAsync("3 / 2");
        (await SubmitAsync(page, Button(page, "Open the meeting"))).ShouldBe(302);
        foreach (var voter in Voters) await page.Locator($"#votes-1-{voter}").SelectOptionAsync("For");
        (await SubmitAsync(page, Button(page, "Record the votes"))).ShouldBe(302);
        await page.Locator("#resolve-1-text").FillAsync("Hold a staff meeting on patient communication");
        await page.GetByLabel("Executor's name").FillAsync("Surgery");
        await page.Locator("#resolve-1-dueDate").FillAsync("2021-12-15");
        (await SubmitAsync(page, Button(page, "Put to the vote and resolve"))).ShouldBe(302);

        await Expect(page.Locator("section.item")).ToContainTextAsync("Adopted — for 3, against 0, abstained 0");
        await page.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Minutes of meeting 1/2021");
        await Expect(page.Locator(".minutes dl.decision")).ToContainTextAsync("1/2021-1");
        await Expect(page.Locator(".session-report")).ToContainTextAsync("Member M-1");
        (await SubmitAsync(page, Button(page, "Sign the minutes"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The minutes were signed.");
    }

    [Fact]
    public async Task opening_without_a_quorum_shows_the_rule_next_to_the_opening()
    {
        var meeting = await ScheduleAsync(await CommissionAsync());
        await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = new[] { "M-1" } });
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary]);
        await GoAsync(page, $"{Console}/meetings/{meeting.Id}");
        await Expect(page.Locator("#quorum")).ToContainTextAsync("1 / 2");

        (await SubmitAsync(page, Button(page, "Open the meeting"))).ShouldBe(409);

        await Expect(Refusal(page)).ToContainTextAsync("There is no quorum: too few voting members are present.");
        await Expect(Refusal(page)).ToContainTextAsync("1 of the 3 voting members in office are present");
        await Expect(page.Locator("#opening + .refusal")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task a_member_has_none_of_the_secretarys_forms_and_may_declare_only_their_own_conflict()
    {
        var (meetingId, _) = await OpenMeetingAsync(await CommissionAsync());
        var page = await SignedInAsync("m-2", [Roles.Member]);
        await GoAsync(page, $"{Console}/meetings/{meetingId}");
        await Expect(Button(page, "Put to the vote and resolve")).ToHaveCountAsync(0);
        await Expect(Button(page, "Record attendance")).ToHaveCountAsync(0);

        await page.Locator("details.action summary").First.ClickAsync();
        await page.Locator("#conflict-1-personnelNumber").SelectOptionAsync("M-3");
        await page.Locator("#conflict-1-reason").FillAsync("M-3 is a relative of the subject");
        (await SubmitAsync(page, page.Locator("form:has(#conflict-1-reason) button"))).ShouldBe(403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
        await Expect(Refusal(page)).ToContainTextAsync("A member may only declare their own conflict of interest");
    }

    [Fact]
    public async Task every_page_of_commissions_meetings_and_minutes_reads_in_english_russian_and_kazakh()
    {
        var commissionId = await CommissionAsync();
        var (meetingId, version) = await VotedMeetingAsync(commissionId);
        var adopted = await ResolveAsync(meetingId, version, 1, "2021-12-15");

        foreach (var language in new[] { "en", "ru", "kk" })
        {
            var page = await SignedInAsync(SecretaryUser, [Roles.Secretary], language: language);
            await GoAsync(page, $"{Console}/meetings");
            await CheckPageAsync(page, language, "console-meetings");
            await GoAsync(page, $"{Console}/meetings/{meetingId}");
            await CheckPageAsync(page, language, "console-meeting");
            await GoAsync(page, $"{Console}/meetings/{meetingId}/minutes");
            await CheckPageAsync(page, language, "console-minutes");
            await GoAsync(page, $"{Console}/decisions");
            await CheckPageAsync(page, language, "console-decisions");
            await GoAsync(page, $"{Console}/decisions/{adopted.DecisionId}");
            await CheckPageAsync(page, language, "console-decision");
        }
    }
}
