using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Meetings;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>The decisions page lists what each executor owes, overdue first, and takes the execution reports the API takes.</summary>
public sealed class when_following_decisions_in_the_console(BrowserApp app) : CommissionConsoleTests(app)
{
    private static readonly DateTimeOffset JustAfterMidnight = new(2021, 11, 16, 0, 0, 1, TimeSpan.FromHours(6));

    [Fact]
    public async Task overdue_decisions_come_first_and_an_execution_report_needs_its_documents()
    {
        var (meetingId, version) = await VotedMeetingAsync(await CommissionAsync(), new { question = "Annual plan" }, new { question = "Gifts register" });
        version = (await ResolveAsync(meetingId, version, 1, "2021-11-30")).Version;
        App.Clock.Now = JustAfterMidnight;
        var overdue = (await ResolveAsync(meetingId, version, 2, "2021-11-15")).DecisionId!.Value;
        await EventuallyAsync(() => DecisionAsync(overdue), d => d.Status == DecisionStatus.Overdue);
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary]);

        await GoAsync(page, $"{Console}/decisions");
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveClassAsync("overdue");
        await Expect(rows.First.Locator("th")).ToHaveTextAsync("1/2021-2");
        await Expect(rows.Nth(1)).Not.ToHaveClassAsync("overdue");

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#report-report").FillAsync("The staff meeting was held");
        (await SubmitAsync(page, Button(page, "Report execution"))).ShouldBe(409);
        await Expect(page.Locator("#report + .refusal")).ToContainTextAsync("Name the documents that show the decision was executed.");
        await page.Locator("#report-report").FillAsync("The staff meeting was held");
        await page.Locator("#report-evidence").FillAsync("Minutes of the staff meeting No. 4");
        (await SubmitAsync(page, Button(page, "Report execution"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The execution report was recorded.");
        await Expect(page.Locator("table tbody")).ToContainTextAsync("Minutes of the staff meeting No. 4");
        (await DecisionAsync(overdue)).Status.ShouldBe(DecisionStatus.Executed);
    }
}
