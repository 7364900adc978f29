using System.Text.Json;
using System.Text.RegularExpressions;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Browser;

/// <summary>The public pages in Chromium, in English: report, keep the code, follow up, and write to the investigator.</summary>
public sealed class when_a_citizen_reports_in_a_browser(BrowserApp app) : BrowserTests(app)
{
    [Fact]
    public async Task the_form_names_the_organisation_and_asks_everything_it_needs()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("National Research Oncology Center");
        foreach (var (language, code) in new[] { ("English", "en"), ("Русский", "ru"), ("Қазақша", "kk") })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true })).ToHaveAttributeAsync("href", new Regex($"lang={code}"));
        }
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Category" })).ToBeVisibleAsync();
        foreach (var label in new[] { "What happened", "When it happened", "Where it happened" })
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToBeVisibleAsync();
        }
        var identity = page.GetByRole(AriaRole.Group, new() { Name = "Your identity" });
        await Expect(identity.GetByRole(AriaRole.Radio, new() { Name = "Report anonymously" })).ToBeVisibleAsync();
        await Expect(identity.GetByRole(AriaRole.Radio, new() { Name = "Give my contact details" })).ToBeVisibleAsync();
        await page.GetByLabel("Give my contact details").CheckAsync();
        await Expect(page.GetByLabel("Your name")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email or phone")).ToBeVisibleAsync();
        await Expect(Button(page, "Send report")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task showing_the_form_sets_no_cookie()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        await OpenAsync(page, FollowUpPath);

        (await page.Context.CookiesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_anonymous_reporter_keeps_the_code_and_follows_up_with_it()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        await FillReportAsync(page, anonymous: true);
        var code = await SendReportAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Follow up on a report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{FollowUpPath}(\\?.*)?$"));
        await FollowUpAsync(page, "AAAA-BBBB-CCCC-DDDD");
        await Expect(page.Locator("main")).ToContainTextAsync("We could not find a report with this code.");

        (await FollowUpAsync(page, code)).ShouldBe(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report", Exact = true })).ToBeVisibleAsync();
        page.Url.ShouldNotContain(code, Case.Insensitive);
        await Expect(page.Locator("main")).ToContainTextAsync("Received");
        // The feedback the organisation owes: three months from the seven days it has to acknowledge the report.
        await Expect(page.Locator("main")).ToContainTextAsync("2022-02-22");
        await Expect(Thread(page)).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Your message")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_reporter_who_gives_contact_details_is_received_too()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        await FillReportAsync(page, anonymous: false);
        var code = await SendReportAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Follow up on a report" }).ClickAsync();
        (await FollowUpAsync(page, code)).ShouldBe(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report", Exact = true })).ToBeVisibleAsync();
        var found = await CallAsync("GET", "/api/cases?channel=public", null, Investigator, 200);
        var summary = JsonDocument.Parse(await found.ReadAsTextAsync()).RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        summary.GetProperty("complainantIdentified").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task the_reporter_and_the_investigator_exchange_messages()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        await FillReportAsync(page, anonymous: true);
        var code = await SendReportAsync(page);

        await InvestigatorRepliesAsync("Could you tell us the nurse's shift?");
        await OpenAsync(page, FollowUpPath);
        (await FollowUpAsync(page, code)).ShouldBe(200);
        await Expect(Thread(page)).ToHaveCountAsync(1);
        await Expect(Thread(page).First).ToContainTextAsync("Could you tell us the nurse's shift?");

        await page.GetByLabel("Your message").FillAsync("The night shift, on the 10th.");
        (await SubmitAsync(page, Button(page, "Send message"))).ShouldBe(200);
        await Expect(Thread(page)).ToHaveCountAsync(2);
        await Expect(Thread(page).Last).ToContainTextAsync("The night shift, on the 10th.");
    }

    [Fact]
    public async Task invalid_input_is_answered_with_a_summary_of_the_errors_linked_to_the_fields()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        // The server's own checks, as a browser that ignores the form's constraints meets them.
        await page.Locator("form:has(textarea)").EvaluateAsync("form => form.noValidate = true");

        (await SubmitAsync(page, Button(page, "Send report"))).ShouldBe(400);

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        var links = await summary.GetByRole(AriaRole.Link).AllAsync();
        links.ShouldNotBeEmpty();
        foreach (var link in links)
        {
            var target = (await link.GetAttributeAsync("href")).ShouldNotBeNull();
            target.ShouldStartWith("#");
            await Expect(page.Locator(target)).ToHaveCountAsync(1);
        }
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
