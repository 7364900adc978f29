using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>An auditor's trail, replay and chain in the console, each the API's answer.</summary>
public sealed class when_auditing_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    [Fact]
    public async Task an_auditor_filters_the_trail_replays_a_case_and_verifies_the_chain()
    {
        await RegisterAsync();
        var (caseId, _) = await FoundLateAsync(new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 20));
        await App.ProjectionsCaughtUpAsync();
        var page = await SignedInAsync("marat.auditor", [Roles.Auditor]);
        await GoAsync(page, $"{Console}/audit");
        await page.Locator("#trail-caseId").FillAsync(caseId.ToString());

        await Button(page, "Show").ClickAsync();

        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(6);
        await CheckPageAsync(page, "en", "console-audit");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv[0].ShouldBe(ExportAuditTrailEndpoint.CsvHeader);
        csv.Length.ShouldBe(1 + 6);

        await page.GetByRole(AriaRole.Link, new() { Name = "Replay as of version 1" }).ClickAsync();
        await Expect(page.Locator("#state-status")).ToHaveTextAsync("Registered");
        await page.Locator("#replay-version").FillAsync("");
        await page.Locator("#replay-effectiveOn").FillAsync("2021-03-10");
        await Button(page, "Replay").ClickAsync();
        await Expect(page.Locator("#state-status")).ToHaveTextAsync("Under investigation");
        await Expect(page.Locator("main")).ToContainTextAsync("(version 5)");
        await CheckPageAsync(page, "en", "console-audit-replay");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hash chain" }).ClickAsync();
        await Button(page, "Verify the chain").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The chain is intact" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "en", "console-audit-chain");
    }

    [Fact]
    public async Task the_audit_pages_read_in_russian_and_kazakh()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Assigned);
        await App.ProjectionsCaughtUpAsync();
        var page = await SignedInAsync("marat.auditor", [Roles.Auditor]);
        foreach (var (language, name) in new[] { ("ru", "Русский"), ("kk", "Қазақша") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await GoAsync(page, $"{Console}/audit");
            await CheckPageAsync(page, language, "console-audit");
            await GoAsync(page, $"{Console}/audit/replay?caseId={caseId}&effectiveOn=2021-11-15");
            await CheckPageAsync(page, language, "console-audit-replay");
            await GoAsync(page, $"{Console}/audit/chain?verify=true");
            await CheckPageAsync(page, language, "console-audit-chain");
        }
    }

    [Fact]
    public async Task a_role_that_may_not_audit_is_refused_by_the_api()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);

        await GoAsync(page, $"{Console}/audit", 403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
    }

    [Fact]
    public async Task a_replay_point_the_api_refuses_is_shown_next_to_its_field()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Registered);
        var page = await SignedInAsync("marat.auditor", [Roles.Auditor]);

        await GoAsync(page, $"{Console}/audit/replay?caseId={caseId}&version=1&asOf=2021-11-15T09:00", 400);

        await Expect(Refusal(page).GetByRole(AriaRole.Link, new() { Name = "version" })).ToHaveAttributeAsync("href", "#replay-version");
    }
}
