using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// Every public page in English, Russian and Kazakh: chosen by the browser's Accept-Language or by the visible switch,
/// readable (a font draws the Kazakh letters), and free of the accessibility violations axe finds.
/// </summary>
public sealed class when_a_citizen_reads_the_pages_in_their_language(BrowserApp app) : BrowserTests(app)
{
    [Fact]
    public async Task the_language_links_switch_the_page()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);

        await page.GetByRole(AriaRole.Link, new() { Name = "Русский", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GetByRole(AriaRole.Link, new() { Name = "Қазақша", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        (await page.Locator("body").InnerTextAsync()).IndexOfAny(KazakhLetters.ToCharArray()).ShouldBeGreaterThanOrEqualTo(0);
        await KazakhDrawnAsync(page, "report form after the switch");
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task every_page_is_accessible_and_drawn(string language)
    {
        var fields = await FieldNamesAsync();
        var page = await NewPageAsync(language);

        await OpenAsync(page, ReportPath);
        await CheckPageAsync(page, language, "report-form");

        var form = page.Locator($"form:has([name='{fields.Text}'])");
        await form.EvaluateAsync("form => form.noValidate = true");
        (await SubmitAsync(page, SubmitButton(form))).ShouldBe(400);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckPageAsync(page, language, "report-errors");

        await page.Locator($"[name='{fields.Category}']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator($"[name='{fields.Text}']").FillAsync("Медбике инфузия алдында ақша сұрады");
        await page.Locator($"[name='{fields.When}']").FillAsync("2021-11-10");
        await page.Locator($"[name='{fields.Where}']").FillAsync("Хирургия бөлімі, 4-палата");
        await page.Locator($"[name='{fields.Identity}'][value='{fields.Anonymous}']").CheckAsync();
        (await SubmitAsync(page, SubmitButton(form))).ShouldBe(200);
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        await CheckPageAsync(page, language, "report-received");

        await page.Locator($"a[href*='{FollowUpPath}']").First.ClickAsync();
        var followUp = page.Locator($"form:has([name='{fields.ReceiptCode}'])");
        await CheckPageAsync(page, language, "follow-up-form");

        await page.Locator($"[name='{fields.ReceiptCode}']").FillAsync("AAAA-BBBB-CCCC-DDDD");
        await SubmitAsync(page, SubmitButton(followUp));
        await CheckPageAsync(page, language, "follow-up-unknown");

        await InvestigatorRepliesAsync("Рахмет. Could you tell us the nurse's shift?");
        await page.Locator($"[name='{fields.ReceiptCode}']").FillAsync(code);
        (await SubmitAsync(page, SubmitButton(followUp))).ShouldBe(200);
        await Expect(Thread(page)).ToHaveCountAsync(1);
        await CheckPageAsync(page, language, "follow-up-thread");
    }

    [Fact]
    public async Task a_long_report_in_cyrillic_is_taken_and_one_too_long_is_refused_in_the_readers_language()
    {
        var fields = await FieldNamesAsync();
        var page = await NewPageAsync("ru");
        async Task<int> ReportAsync(int letters)
        {
            await OpenAsync(page, ReportPath);
            await page.Locator($"[name='{fields.Category}']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator($"[name='{fields.Text}']").FillAsync(new string('ж', letters));
            await page.Locator($"[name='{fields.Identity}'][value='{fields.Anonymous}']").CheckAsync();
            return await SubmitAsync(page, SubmitButton(page.Locator($"form:has([name='{fields.Text}'])")));
        }

        // 5,000 Cyrillic letters are 10 KB as the API's JSON takes them, and 30 KB as the browser encodes the form.
        (await ReportAsync(5_000)).ShouldBe(200);
        var recorded = await App.CountAllEventsAsync();
        (await ReportAsync(9_000)).ShouldBe(413);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Сообщение слишком длинное");
        await CheckPageAsync(page, "ru", "report-too-long");
        (await App.CountAllEventsAsync()).ShouldBe(recorded);
    }

    private static ILocator SubmitButton(ILocator form) => form.Locator("button:not([type=button]), input[type=submit]").First;

    /// <summary>The names of the fields, read off the English pages through their labels.</summary>
    private sealed record FieldNames(string Category, string Text, string When, string Where, string Identity, string Anonymous, string ReceiptCode);

    private async Task<FieldNames> FieldNamesAsync()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, ReportPath);
        async Task<string> Name(string label) => (await page.GetByLabel(label, new() { Exact = true }).GetAttributeAsync("name")).ShouldNotBeNull();
        var anonymous = page.GetByLabel("Report anonymously", new() { Exact = true });
        var names = new FieldNames(await Name("Category"), await Name("What happened"), await Name("When it happened"),
            await Name("Where it happened"), await Name("Report anonymously"), (await anonymous.GetAttributeAsync("value")).ShouldNotBeNull(), "");
        await OpenAsync(page, FollowUpPath);
        return names with { ReceiptCode = await Name("Receipt code") };
    }
}
