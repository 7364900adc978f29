using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Browser;

/// <summary>The pages in a browser that runs no script, as Tor Browser at its safest setting: plain forms do everything.</summary>
public sealed class when_a_citizen_reports_without_javascript(BrowserApp app) : BrowserTests(app)
{
    [Fact]
    public async Task the_reporter_reports_follows_up_and_writes_a_message()
    {
        var page = await NewPageAsync(javaScript: false);
        await OpenAsync(page, ReportPath);
        await FillReportAsync(page, anonymous: false);
        var code = await SendReportAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Follow up on a report" }).ClickAsync();
        (await FollowUpAsync(page, code)).ShouldBe(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Your message").FillAsync("I can bring the discharge papers.");
        (await SubmitAsync(page, Button(page, "Send message"))).ShouldBe(200);
        await Expect(Thread(page)).ToHaveCountAsync(1);
        await Expect(Thread(page).First).ToContainTextAsync("I can bring the discharge papers.");
    }
}
