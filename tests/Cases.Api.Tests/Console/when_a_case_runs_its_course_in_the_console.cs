using System.Text.RegularExpressions;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// The whole story by role, through the console's pages only: a registrar registers, an investigator runs the case to
/// referral, the secretary holds the meeting and adopts a decision, HR imposes a sanction, an auditor replays the case
/// and verifies the chain, and an analyst downloads the statistics; each is refused what their roles do not allow. The
/// pages' axe scans are their areas' tests'; the story keeps a screenshot of each step. Only the commission itself is
/// arranged through the API, as its establishment precedes the story.
/// </summary>
public sealed class when_a_case_runs_its_course_in_the_console(BrowserApp app) : CommissionConsoleTests(app)
{
    private const string Employee = "E-1042";

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot(name, "en"), FullPage = true });

    [Fact]
    public async Task every_role_does_its_part_and_nothing_more()
    {
        await CommissionAsync();

        var registrar = await SignedInAsync("aliya.registrar", [Roles.Registrar]);
        await GoAsync(registrar, $"{Console}/meetings", 403);
        await Expect(Refusal(registrar)).ToContainTextAsync("Your roles do not allow this.");
        await GoAsync(registrar, $"{Console}/cases/new");
        await registrar.Locator("#register-channel").SelectOptionAsync("hotline");
        await registrar.Locator("#register-category").SelectOptionAsync("ethics");
        await registrar.Locator("#register-subjects").FillAsync(Employee);
        await registrar.Locator("#register-summary").FillAsync("A patient was spoken to rudely in the day ward");
        await registrar.Locator("#register-receivedOn").FillAsync("2021-11-01");
        await ScreenshotAsync(registrar, "story-1-register");
        (await SubmitAsync(registrar, Button(registrar, "Register"))).ShouldBe(302);
        var caseId = Guid.Parse(Regex.Match(registrar.Url, "/cases/([0-9a-f-]{36})").Groups[1].Value);

        var investigator = await SignedInAsync("marat.investigator", [Roles.Investigator]);
        await GoAsync(investigator, $"{Console}/audit", 403);
        await GoAsync(investigator, $"{Console}/cases/{caseId}");
        await ActAsync(investigator, "acknowledge");
        await FillAsync(investigator, "assign", "investigator", "marat.investigator");
        await ActAsync(investigator, "assign");
        await FillAsync(investigator, "request-explanation", "personnelNumber", Employee);
        await ActAsync(investigator, "request-explanation");
        await FillAsync(investigator, "record-explanation", "personnelNumber", Employee);
        await FillAsync(investigator, "record-explanation", "text", "The ward was overfull and I lost my temper");
        await ActAsync(investigator, "record-explanation");
        await OpenActionAsync(investigator, "record-finding");
        await investigator.Locator("#record-finding-violationFound").CheckAsync();
        await FillAsync(investigator, "record-finding", "employeesAtFault", Employee);
        await FillAsync(investigator, "record-finding", "summary", "The nurse was rude to a patient");
        await ActAsync(investigator, "record-finding");
        await FillAsync(investigator, "refer", "commission", "Disciplinary commission");
        await ActAsync(investigator, "refer");
        await Expect(investigator.Locator("#case-status")).ToHaveTextAsync("Referred to the commission");
        await ScreenshotAsync(investigator, "story-2-case");

        var secretary = await SignedInAsync(SecretaryUser, [Roles.Secretary]);
        await GoAsync(secretary, $"{Console}/audit", 403);
        await GoAsync(secretary, $"{Console}/meetings");
        await secretary.Locator("#schedule-scheduledFor").FillAsync("2021-11-15T10:00");
        await secretary.Locator("#schedule-place").FillAsync("Conference room, 3rd floor");
        await secretary.Locator("input[name='Scheduling.Cases']").First.CheckAsync();
        (await SubmitAsync(secretary, Button(secretary, "Schedule a meeting"))).ShouldBe(302);
        foreach (var voter in Voters) await secretary.Locator($"#present-{voter}").CheckAsync();
        (await SubmitAsync(secretary, Button(secretary, "Record attendance"))).ShouldBe(302);
        (await SubmitAsync(secretary, Button(secretary, "Open the meeting"))).ShouldBe(302);
        foreach (var voter in Voters) await secretary.Locator($"#votes-1-{voter}").SelectOptionAsync("For");
        (await SubmitAsync(secretary, Button(secretary, "Record the votes"))).ShouldBe(302);
        await secretary.Locator("#resolve-1-text").FillAsync("Impose a reprimand on the nurse and hold a staff meeting on courtesy");
        await secretary.GetByLabel("Executor's name").FillAsync("Human resources");
        await secretary.Locator("#resolve-1-dueDate").FillAsync("2021-12-15");
        (await SubmitAsync(secretary, Button(secretary, "Put to the vote and resolve"))).ShouldBe(302);
        await ScreenshotAsync(secretary, "story-3-meeting");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).ClickAsync();
        await Expect(secretary.Locator(".minutes dl.decision")).ToContainTextAsync("1/2021-1");
        await ScreenshotAsync(secretary, "story-3-minutes");

        var hr = await SignedInAsync("gulnar.hr", [Roles.Hr]);
        await GoAsync(hr, $"{Console}/audit", 403);
        await GoAsync(hr, $"{Console}/sanctions/new?personnelNumber={Employee}&caseId={caseId}");
        await hr.Locator("#impose-orderNumber").FillAsync("112-K");
        await hr.Locator("#impose-type").SelectOptionAsync("reprimand");
        await hr.Locator("#impose-orderDate").FillAsync("2021-11-15");
        await hr.Locator("#impose-offenceCommittedOn").FillAsync("2021-10-28");
        await hr.Locator("#impose-offenceDiscoveredOn").FillAsync("2021-11-01");
        await ScreenshotAsync(hr, "story-4-impose");
        (await SubmitAsync(hr, Button(hr, "Impose the sanction"))).ShouldBe(302);
        await Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The sanction was imposed.");

        await App.ProjectionsCaughtUpAsync();
        await App.ChainLinkedAsync();
        var auditor = await SignedInAsync("saule.auditor", [Roles.Auditor]);
        await GoAsync(auditor, $"{Console}/cases/{caseId}");
        await Expect(auditor.Locator("main form")).ToHaveCountAsync(0);
        await GoAsync(auditor, $"{Console}/audit");
        await auditor.Locator("#trail-caseId").FillAsync(caseId.ToString());
        await Button(auditor, "Show").ClickAsync();
        foreach (var user in new[] { "aliya.registrar", "marat.investigator" }) await Expect(auditor.Locator("table tbody")).ToContainTextAsync(user);
        await auditor.GetByRole(AriaRole.Link, new() { Name = "Replay as of version 1" }).ClickAsync();
        await Expect(auditor.Locator("#state-status")).ToHaveTextAsync("Registered");
        await ScreenshotAsync(auditor, "story-5-replay");
        await auditor.GetByRole(AriaRole.Link, new() { Name = "Hash chain" }).ClickAsync();
        await Button(auditor, "Verify the chain").ClickAsync();
        await Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "The chain is intact" })).ToBeVisibleAsync();

        var analyst = await SignedInAsync("dana.analyst", [Roles.Analyst]);
        await GoAsync(analyst, $"{Console}/cases", 403);
        await GoAsync(analyst, $"{Console}/statistics");
        await analyst.Locator("#period-from").FillAsync("2021-11-01");
        await analyst.Locator("#period-to").FillAsync("2021-11-30");
        await Button(analyst, "Show").ClickAsync();
        await ScreenshotAsync(analyst, "story-6-statistics");
        var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv.ShouldContain("2021-11..2021-11,appeals,,1");
    }
}
