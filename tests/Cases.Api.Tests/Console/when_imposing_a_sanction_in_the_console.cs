using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// HR imposes a sanction through the console: the order's form beside the organisation's time limits, and the API's
/// refusals (a broken limit, a role that may not impose) shown next to it. The case's finding is arranged through the API.
/// </summary>
public sealed class when_imposing_a_sanction_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    private const string Employee = "E-1042";

    /// <summary>The order's form, opened from the register, filled as HR would: the clock stands at 15 November 2021.</summary>
    private async Task<IPage> OrderFormAsync(string user, string role, Guid caseId, string committed = "2021-10-20", string discovered = "2021-11-01")
    {
        var page = await SignedInAsync(user, [role]);
        await GoAsync(page, $"{Console}/sanctions/new?personnelNumber={Employee}&caseId={caseId}");
        await page.Locator("#impose-orderNumber").FillAsync("112-K");
        await page.Locator("#impose-type").SelectOptionAsync("reprimand");
        await page.Locator("#impose-orderDate").FillAsync("2021-11-10");
        await page.Locator("#impose-offenceCommittedOn").FillAsync(committed);
        await page.Locator("#impose-offenceDiscoveredOn").FillAsync(discovered);
        return page;
    }

    private static ILocator Submit(IPage page) => Button(page, "Impose the sanction");

    [Fact]
    public async Task hr_imposes_it_and_sees_when_to_announce_it()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var page = await SignedInAsync("gulnar.hr", [Roles.Hr]);
        await GoAsync(page, $"{Console}/sanctions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Impose a sanction" }).ClickAsync();
        await Expect(page.Locator(".limits")).ToContainTextAsync("within 1 month(s) of the offence's discovery");
        await Expect(page.Locator(".limits")).ToContainTextAsync("within 3 working day(s) of its issue");
        await page.Locator("#impose-personnelNumber").FillAsync(Employee);
        await page.Locator("#impose-caseId").FillAsync(caseId.ToString());
        await page.Locator("#impose-orderNumber").FillAsync("112-K");
        await page.Locator("#impose-type").SelectOptionAsync("reprimand");
        await page.Locator("#impose-orderDate").FillAsync("2021-11-10");
        await page.Locator("#impose-offenceCommittedOn").FillAsync("2021-10-20");
        await page.Locator("#impose-offenceDiscoveredOn").FillAsync("2021-11-01");

        (await SubmitAsync(page, Submit(page))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The sanction was imposed.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("2021-11-15");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("2022-05-11");
        await GoAsync(page, $"{Console}/sanctions?personnelNumber={Employee}");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody tr")).ToContainTextAsync("Reprimand");
    }

    [Fact]
    public async Task an_order_past_its_legal_limit_is_refused_with_the_rule_next_to_the_form()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var page = await OrderFormAsync("gulnar.hr", Roles.Hr, caseId, committed: "2021-09-20", discovered: "2021-10-01");

        (await SubmitAsync(page, Submit(page))).ShouldBe(409);

        await Expect(Refusal(page)).ToContainTextAsync("Too late: more than the allowed time has passed since the offence was discovered (art. 66(1)).");
        await Expect(Refusal(page)).ToContainTextAsync("could be imposed until 2021-11-01");
        await Expect(page.Locator("#impose-offenceDiscoveredOn")).ToHaveValueAsync("2021-10-01");
    }

    [Fact]
    public async Task a_role_that_may_not_impose_is_refused_by_the_api()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var page = await OrderFormAsync("dana.investigator", Roles.Investigator, caseId);

        (await SubmitAsync(page, Submit(page))).ShouldBe(403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
        await GoAsync(page, $"{Console}/sanctions");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Impose a sanction" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task every_page_of_the_section_passes_in_each_language()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var hr = App.Token(Org, Roles.Hr);
        var order = new { personnelNumber = Employee, caseId, type = "reprimand", orderNumber = "112-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01" };
        var imposed = await PostAsync<SanctionImposedResponse>("/api/sanctions", order, hr, 201);
        await PostAsync<Written>($"/api/sanctions/{imposed.Id}/appeal", new { expectedVersion = imposed.Version, authority = "Labour inspectorate" }, hr);
        await PostAsync<Written>($"/api/employees/{Employee}/absences", new { expectedVersion = 0, kind = "vacation", from = "2021-12-01", to = "2021-12-10" }, hr);

        foreach (var language in new[] { "en", "ru", "kk" })
        {
            var page = await SignedInAsync("gulnar.hr", [Roles.Hr, Roles.Auditor], language: language);
            await GoAsync(page, $"{Console}/sanctions");
            await CheckPageAsync(page, language, "console-sanctions");
            await GoAsync(page, $"{Console}/sanctions/new?personnelNumber={Employee}&caseId={caseId}");
            await CheckPageAsync(page, language, "console-sanction-new");
            await GoAsync(page, $"{Console}/sanctions/{imposed.Id}");
            await page.Locator("details.action summary").First.ClickAsync();
            await CheckPageAsync(page, language, "console-sanction");
            await GoAsync(page, $"{Console}/employees/{Employee}");
            await CheckPageAsync(page, language, "console-employee");
        }
    }
}
