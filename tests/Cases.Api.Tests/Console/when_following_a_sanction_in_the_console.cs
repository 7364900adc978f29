using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// After the order, HR follows the sanction in the console: the appeal and its decision, the early lifting, and the
/// employee's record with their absences. The sanction is imposed through the API; the clock stands at 15 November 2021.
/// </summary>
public sealed class when_following_a_sanction_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    private const string Employee = "E-1042";

    private async Task<SanctionImposedResponse> ImposedAsync()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        return await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = Employee, caseId, type = "reprimand", orderNumber = "112-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, App.Token(Org, Roles.Hr), 201);
    }

    /// <summary>Opens an action's form on the sanction's page and answers it.</summary>
    private static async Task<ILocator> ActionAsync(IPage page, string name)
    {
        await page.Locator("details.action summary", new() { HasTextString = name }).ClickAsync();
        return page.Locator("details.action[open] form");
    }

    [Fact]
    public async Task an_appeal_is_decided_and_the_sanction_lifted_each_on_the_version_shown()
    {
        var sanction = await ImposedAsync();
        var page = await SignedInAsync("gulnar.hr", [Roles.Hr]);
        await GoAsync(page, $"{Console}/sanctions/{sanction.Id}");

        var appeal = await ActionAsync(page, "Record an appeal");
        await Expect(appeal.Locator("input[name=expectedVersion]")).ToHaveValueAsync("1");
        await page.Locator("#appeal-authority").FillAsync("Labour inspectorate");
        await page.Locator("#appeal-filedOn").FillAsync("2021-11-12");
        (await SubmitAsync(page, appeal.Locator("button[type=submit]"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The appeal was recorded.");

        await page.Locator("#decideAppeal-outcome-upheld").CheckAsync();
        (await SubmitAsync(page, page.Locator("details.action[open] form button[type=submit]"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The appeal's decision was recorded.");

        var lift = await ActionAsync(page, "Lift the sanction early");
        await page.Locator("#lift-liftedBy").FillAsync("Director A. Nurlanov");
        await page.Locator("#lift-reason").FillAsync("Exemplary work since the order");
        await page.Locator("#lift-liftedOn").FillAsync("2021-11-09");
        (await SubmitAsync(page, lift.Locator("button[type=submit]"))).ShouldBe(409);
        await Expect(lift.Locator("xpath=..").Locator(".refusal")).ToContainTextAsync("The date is before the order's date.");

        await page.Locator("#lift-liftedOn").FillAsync("");
        (await SubmitAsync(page, lift.Locator("button[type=submit]"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The sanction was lifted.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Lifted early");
        var history = page.Locator("table tbody tr");
        await Expect(history).ToHaveCountAsync(4);
        await Expect(history.Nth(1)).ToContainTextAsync("Appealed to Labour inspectorate");
        await Expect(history.Nth(2)).ToContainTextAsync("Appeal decided: Sanction upheld");
        await Expect(history.Nth(3)).ToContainTextAsync("2021-11-15");
        await Expect(history.Nth(3)).ToContainTextAsync("Lifted early by Director A. Nurlanov");
    }

    [Fact]
    public async Task the_employees_record_shows_the_sanction_and_takes_an_absence()
    {
        await ImposedAsync();
        var page = await SignedInAsync("gulnar.hr", [Roles.Hr]);
        await GoAsync(page, $"{Console}/sanctions");
        await page.GetByRole(AriaRole.Link, new() { Name = Employee }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Employee {Employee}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Sanctions in force" }).Locator("tbody tr")).ToContainTextAsync("112-K");
        await page.Locator("#recordAbsence-kind").SelectOptionAsync("vacation");
        await page.Locator("#recordAbsence-from").FillAsync("2021-12-01");
        await page.Locator("#recordAbsence-to").FillAsync("2021-11-20");
        (await SubmitAsync(page, Button(page, "Record an absence"))).ShouldBe(400);
        await Expect(Refusal(page)).ToContainTextAsync("Must not be before from.");
        await Expect(Refusal(page).GetByRole(AriaRole.Link, new() { Name = "to" })).ToHaveAttributeAsync("href", "#recordAbsence-to");

        await page.Locator("#recordAbsence-to").FillAsync("2021-12-10");
        (await SubmitAsync(page, Button(page, "Record an absence"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The absence was recorded.");
        var absences = page.GetByRole(AriaRole.Table, new() { Name = "Absences" }).Locator("tbody tr");
        await Expect(absences).ToHaveCountAsync(1);
        await Expect(absences).ToContainTextAsync("Vacation");
        await Expect(absences).ToContainTextAsync("2021-12-10");
        await page.GetByLabel("Why it was recorded in error").FillAsync("Entered for the wrong employee");
        (await SubmitAsync(page, Button(page, "Cancel the absence"))).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The absence was cancelled.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Absences" })).ToHaveCountAsync(0);
    }
}
