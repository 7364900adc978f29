using Cases.Api.Demo;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>The statistics of the seeds as an analyst and a regional role read them in the console, charts and CSV included.</summary>
public sealed class when_reading_statistics_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    private const string Period = "from=2021-01-01&to=2021-10-31";

    private Task LoadDemoAsync() =>
        new DemoScenario(App.Host.Server.CreateClient(), role => App.Token(DemoScenario.Organisation, role)).LoadAsync(CancellationToken.None);

    private static ILocator Figure(IPage page, string name) =>
        page.Locator("dl.figures > div").Filter(new() { Has = page.GetByRole(AriaRole.Term).Filter(new() { HasTextString = name }) }).Locator("dd").First;

    [Fact]
    public async Task an_analyst_reads_a_period_with_its_charts_and_narrative_and_downloads_its_csv()
    {
        await LoadDemoAsync();
        var page = await SignedInAsync("dana.analyst", [Roles.Analyst]);
        await GoAsync(page, $"{Console}/statistics");
        await page.Locator("#period-from").FillAsync("2021-01-01");
        await page.Locator("#period-to").FillAsync("2021-10-31");

        await Button(page, "Show").ClickAsync();

        await Expect(Figure(page, "Appeals received")).ToHaveTextAsync("7");
        await Expect(Figure(page, "Executed on time")).ToHaveTextAsync("92.1%");
        await Expect(page.Locator(".narrative")).ToContainTextAsync("received 7 appeals (complaints)");
        await Expect(page.Locator(".narrative + .muted")).ToContainTextAsync("commissions that hear appeals");
        await Expect(page.Locator("svg#chart-counts rect[fill='#0b4f8a']").First).ToBeAttachedAsync();
        await Expect(page.Locator("svg#chart-rate > title")).ToHaveTextAsync("Protocol decisions executed on time, 2021-01 to 2021-10");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("statistics-2021-01-01-2021-10-31.csv");
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv[0].ShouldBe("period,figure,key,value");
        csv.ShouldContain("2021-01..2021-10,appeals,,7");
        csv.ShouldContain("2021-01..2021-10,execution-rate-percent,,92.1");
        await CheckPageAsync(page, "en", "console-statistics");
        foreach (var (language, name) in new[] { ("ru", "Русский"), ("kk", "Қазақша") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await CheckPageAsync(page, language, "console-statistics");
        }
        await Expect(page.Locator(".narrative")).ToContainTextAsync("2021 жылғы қаңтардан");
    }

    [Fact]
    public async Task a_regional_role_sees_the_organisations_it_oversees_side_by_side()
    {
        await LoadDemoAsync();
        await RegisterAsync(Registration(receivedOn: "2021-06-01"), App.Token(OtherOrg, Roles.Registrar));
        var page = await SignedInAsync("arman.regional", [Roles.Regional], OtherOrg);

        await GoAsync(page, $"{Console}/statistics?{Period}");

        var table = page.Locator("table.side-by-side");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1 + 1 + RegionalDemoScenario.Areas.Length + 1);
        await Expect(table.Locator("tbody tr").Nth(1).Locator("th")).ToHaveTextAsync("the National Research Oncology Center (NROC)");
        await Expect(table.Locator("tbody tr").Nth(1).Locator("td").First).ToHaveTextAsync("7");
        await Expect(table.Locator("tbody tr.total td").First).ToHaveTextAsync("8");
        await Expect(page.Locator("svg#chart-organisations")).ToBeVisibleAsync();
        await CheckPageAsync(page, "en", "console-statistics-regional");
    }

    [Fact]
    public async Task a_role_that_reads_no_statistics_is_refused_by_the_api()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);

        await GoAsync(page, $"{Console}/statistics?{Period}", 403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
    }
}
