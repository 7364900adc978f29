using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// The records made in session and mended after it, through the console: who was heard on an item, a correction of
/// signed minutes, of a sanction's type and of a case's value; each form only for the roles the API allows, each broken
/// rule next to its form. The records are arranged through the API; the clock stands at 15 November 2021.
/// </summary>
public sealed class when_correcting_records_in_the_console(BrowserApp app) : CommissionConsoleTests(app)
{
    private static ILocator Action(IPage page, string summary) => page.Locator("details.action", new() { Has = page.Locator("summary", new() { HasTextString = summary }) });

    [Fact]
    public async Task a_secretary_records_who_was_heard_on_an_item_and_the_same_person_twice_is_refused_next_to_the_form()
    {
        var (meetingId, _) = await OpenMeetingAsync(await CommissionAsync());
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary]);
        await GoAsync(page, $"{Console}/meetings/{meetingId}");
        await CheckPageAsync(page, "en", "console-meeting-hearing");

        async Task<int> HearAsync()
        {
            var form = Action(page, "Record a hearing");
            if (await form.GetAttributeAsync("open") is null) await form.Locator("summary").ClickAsync();
            await page.Locator("#hear-1-fullName").FillAsync("A. Seitkali");
            await page.Locator("#hear-1-position").FillAsync("Head of the compliance service");
            await page.Locator("#hear-1-body").FillAsync("Compliance service");
            await page.Locator("#hear-1-subject").FillAsync("The report for 10 months");
            return await SubmitAsync(page, form.Locator("button[type=submit]"));
        }

        (await HearAsync()).ShouldBe(302);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The hearing was recorded.");
        await Expect(page.Locator("section.item ul.hearings")).ToHaveTextAsync("A. Seitkali, Head of the compliance service, Compliance service — The report for 10 months");

        (await HearAsync()).ShouldBe(409);
        await Expect(Action(page, "Record a hearing").Locator(".refusal")).ToContainTextAsync("This person has already been heard on this item");
        await Expect(page.Locator("#hear-1-fullName")).ToHaveValueAsync("A. Seitkali");

        await page.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).ClickAsync();
        await Expect(page.Locator(".minutes section.item")).ToContainTextAsync("Heard: A. Seitkali, Head of the compliance service, Compliance service — The report for 10 months");

        var kazakh = await SignedInAsync(SecretaryUser, [Roles.Secretary], language: "kk");
        await GoAsync(kazakh, $"{Console}/meetings/{meetingId}");
        await CheckPageAsync(kazakh, "kk", "console-meeting-hearing");
    }

    [Fact]
    public async Task a_secretary_corrects_signed_minutes_on_an_item()
    {
        var (meetingId, version) = await VotedMeetingAsync(await CommissionAsync());
        var resolved = await ResolveAsync(meetingId, version, 1, "2021-12-15");
        await MeetingCommandAsync(meetingId, "signature", new { expectedVersion = resolved.Version });
        var page = await SignedInAsync(SecretaryUser, [Roles.Secretary]);
        await GoAsync(page, $"{Console}/meetings/{meetingId}/minutes");
        await CheckPageAsync(page, "en", "console-minutes-correction");

        await page.Locator("#correct-itemNumber").SelectOptionAsync("1");
        await page.Locator("#correct-correction").FillAsync("The executor is the surgery department, not the surgery unit");
        (await SubmitAsync(page, Button(page, "Correct the signed minutes"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The correction of the minutes was recorded.");
        await Expect(page.Locator(".minutes ul.corrections")).ToHaveTextAsync("2021-11-15 · item 1: The executor is the surgery department, not the surgery unit");

        var russian = await SignedInAsync(SecretaryUser, [Roles.Secretary], language: "ru");
        await GoAsync(russian, $"{Console}/meetings/{meetingId}/minutes");
        await CheckPageAsync(russian, "ru", "console-minutes-correction");
    }

    [Fact]
    public async Task hr_corrects_a_sanctions_type_and_a_correction_to_the_same_type_shows_the_rule_next_to_the_form()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var sanction = await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = "E-1042", caseId, type = "reprimand", orderNumber = "112-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, App.Token(Org, Roles.Hr), 201);
        var page = await SignedInAsync("gulnar.hr", [Roles.Hr]);
        await GoAsync(page, $"{Console}/sanctions/{sanction.Id}");
        var correct = Action(page, "Correct the sanction's type");
        await correct.Locator("summary").ClickAsync();
        await CheckPageAsync(page, "en", "console-sanction-correction");

        await page.Locator("#correct-reason").FillAsync("The order says severe reprimand");
        (await SubmitAsync(page, correct.Locator("button[type=submit]"))).ShouldBe(409);
        await Expect(correct.Locator(".refusal")).ToContainTextAsync("The record already has that value: there is nothing to correct.");

        await page.Locator("#correct-type").SelectOptionAsync("severe-reprimand");
        (await SubmitAsync(page, correct.Locator("button[type=submit]"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The sanction's type was corrected.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Severe reprimand");
        await Expect(page.Locator("#correct-type")).ToHaveValueAsync("severe-reprimand");

        var kazakh = await SignedInAsync("gulnar.hr", [Roles.Hr], language: "kk");
        await GoAsync(kazakh, $"{Console}/sanctions/{sanction.Id}");
        await CheckPageAsync(kazakh, "kk", "console-sanction-correction");
    }

    [Fact]
    public async Task an_investigator_corrects_a_cases_category_one_value_at_a_time_and_the_other_roles_have_none_of_the_forms()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Assigned);
        var (meetingId, _) = await OpenMeetingAsync(await CommissionAsync());
        var member = await SignedInAsync("m-2", [Roles.Member]);
        await GoAsync(member, $"{Console}/meetings/{meetingId}");
        await Expect(Action(member, "Record a hearing")).ToHaveCountAsync(0);
        var registrar = await SignedInAsync("aliya.registrar", [Roles.Registrar]);
        await GoAsync(registrar, $"{Console}/cases/{caseId}");
        await Expect(registrar.Locator("details#correct-action")).ToHaveCountAsync(0);

        var page = await SignedInAsync("investigator", [Roles.Investigator]);
        await GoAsync(page, $"{Console}/cases/{caseId}");
        await FillAsync(page, "correct", "reason", "The report was about a bribe, not about care");
        await ActAsync(page, "correct", 400);
        await Expect(page.Locator("details#correct-action .refusal li")).ToHaveTextAsync("Give exactly one of channel, category and outcome.");
        await CheckPageAsync(page, "en", "console-case-correction");

        await page.Locator("#correct-category").SelectOptionAsync("corruption");
        await ActAsync(page, "correct");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case's value was corrected.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Corruption");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("The report was about a bribe, not about care");

        var kazakh = await SignedInAsync("investigator", [Roles.Investigator], language: "kk");
        await GoAsync(kazakh, $"{Console}/cases/{caseId}");
        await OpenActionAsync(kazakh, "correct");
        await CheckPageAsync(kazakh, "kk", "console-case-correction");
    }
}
