using System.Text.RegularExpressions;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>A case registered and worked through the console's pages only, as far as the roles of each user allow.</summary>
public sealed class when_working_a_case_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    private static readonly Regex CasePage = new($"{Console}/cases/[0-9a-f-]{{36}}(\\?notice=[a-z-]+)?$");

    [Fact]
    public async Task a_registrar_registers_a_case_and_sees_the_apis_field_errors_first()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);
        await GoAsync(page, $"{Console}/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a case" }).ClickAsync();
        await page.Locator("#register-channel").SelectOptionAsync("hotline");
        await page.Locator("#register-category").SelectOptionAsync("corruption");
        await page.Locator("#register-subjects").FillAsync("E-1042, E-2001");
        await page.Locator("#register-receivedOn").FillAsync("2021-11-10");
        await page.Locator("#register-complainant-named").CheckAsync();

        (await SubmitAsync(page, Button(page, "Register"))).ShouldBe(400);
        await Expect(page.Locator("#register-summary-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#register-complainant\\.name-errors")).ToContainTextAsync("Required unless the complainant is anonymous.");
        await Expect(Refusal(page).GetByRole(AriaRole.Link, new() { Name = "complainant.name" })).ToHaveAttributeAsync("href", "#register-complainant.name");
        await Expect(page.Locator("#register-subjects")).ToHaveValueAsync("E-1042, E-2001");

        await page.Locator("#register-summary").FillAsync("A nurse asked for money before the infusion");
        await page.Locator("#register-complainant\\.name").FillAsync("Aliya Serikova");
        (await SubmitAsync(page, Button(page, "Register"))).ShouldBe(302);

        await Expect(page).ToHaveURLAsync(CasePage);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case is registered.");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Registered");
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline tbody")).ToContainTextAsync("aliya.registrar");
    }

    [Fact]
    public async Task a_registration_sent_twice_records_one_case()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);
        async Task<string> RegisterAsync(string? key)
        {
            await GoAsync(page, $"{Console}/cases/new");
            if (key is not null) await page.Locator("input[name=requestKey]").EvaluateAsync("(input, key) => input.value = key", key);
            var sent = await page.Locator("input[name=requestKey]").InputValueAsync();
            sent.ShouldNotBeNullOrEmpty();
            await page.Locator("#register-channel").SelectOptionAsync("hotline");
            await page.Locator("#register-category").SelectOptionAsync("corruption");
            await page.Locator("#register-subjects").FillAsync("E-1042");
            await page.Locator("#register-summary").FillAsync("A nurse asked for money before the infusion");
            await page.Locator("#register-receivedOn").FillAsync("2021-11-10");
            (await SubmitAsync(page, Button(page, "Register"))).ShouldBe(302);
            return sent;
        }

        var key = await RegisterAsync(null);
        var first = page.Url;
        await RegisterAsync(key);

        page.Url.ShouldBe(first);
        await GoAsync(page, $"{Console}/cases");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task an_investigator_runs_a_case_to_referral()
    {
        var registered = await RegisterAsync();
        var page = await SignedInAsync("marat.investigator", [Roles.Investigator]);
        await GoAsync(page, $"{Console}/cases/{registered.Id}");
        await Expect(page.Locator("#deadlines tr.overdue")).ToContainTextAsync("Acknowledgement of the case");

        await ActAsync(page, "acknowledge");
        await FillAsync(page, "assign", "investigator", "marat.investigator");
        await ActAsync(page, "assign");
        await FillAsync(page, "request-explanation", "personnelNumber", "E-1042");
        await ActAsync(page, "request-explanation");
        await FillAsync(page, "record-explanation", "personnelNumber", "E-1042");
        await FillAsync(page, "record-explanation", "text", "I was in surgery all afternoon");
        await ActAsync(page, "record-explanation");
        await OpenActionAsync(page, "record-finding");
        await page.Locator("#record-finding-violationFound").CheckAsync();
        await FillAsync(page, "record-finding", "employeesAtFault", "E-1042");
        await FillAsync(page, "record-finding", "summary", "The patient waited five hours without cause");
        await ActAsync(page, "record-finding");
        await FillAsync(page, "refer", "commission", "Ethics commission");
        await ActAsync(page, "refer");

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Referred to the commission");
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator("#timeline tbody tr").Last).ToContainTextAsync("marat.investigator");
    }

    [Fact]
    public async Task a_role_that_may_not_act_sees_no_action_and_one_that_may_not_read_is_refused()
    {
        var registered = await RegisterAsync();
        var member = await SignedInAsync("gulnar.member", [Roles.Member]);
        await GoAsync(member, $"{Console}/cases/{registered.Id}");
        await Expect(member.Locator("#case-status")).ToHaveTextAsync("Registered");
        await Expect(member.Locator("main form")).ToHaveCountAsync(0);

        var analyst = await SignedInAsync("dana.analyst", [Roles.Analyst]);
        await GoAsync(analyst, $"{Console}/cases/{registered.Id}", 403);
        await Expect(Refusal(analyst)).ToContainTextAsync("Your roles do not allow this.");
    }

    [Fact]
    public async Task a_stale_version_shows_what_changed_and_sending_again_succeeds()
    {
        var registered = await RegisterAsync();
        var page = await SignedInAsync("marat.investigator", [Roles.Investigator]);
        await GoAsync(page, $"{Console}/cases/{registered.Id}");
        await CallAsync("POST", $"/api/cases/{registered.Id}/evidence", new
        {
            expectedVersion = 1, fileName = "letter.pdf", mediaType = "application/pdf", sizeBytes = 1024,
            sha256 = new string('a', 64), description = "The complainant's letter"
        }, App.UserToken(Org, "saule.investigator", Roles.Investigator), 200);
        await FillAsync(page, "acknowledge", "acknowledgedOn", "2021-03-04");

        await ActAsync(page, "acknowledge", 409);
        await Expect(page.Locator("#acknowledge-changed")).ToContainTextAsync("Evidence attached");
        await Expect(page.Locator("#acknowledge-changed")).ToContainTextAsync("saule.investigator");
        await Expect(page.Locator("#acknowledge-expectedVersion")).ToHaveValueAsync("2");
        await Expect(page.Locator("#acknowledge-acknowledgedOn")).ToHaveValueAsync("2021-03-04");

        await ActAsync(page, "acknowledge");
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Acknowledged");
    }

    [Fact]
    public async Task a_broken_rule_is_shown_next_to_its_form_with_the_rules_text()
    {
        var registered = await RegisterAsync();
        await CommandAsync(registered.Id, "acknowledgement", new { expectedVersion = 1 });
        await CommandAsync(registered.Id, "assignment", new { expectedVersion = 2, investigator = "marat.investigator" });
        var page = await SignedInAsync("marat.investigator", [Roles.Investigator]);
        await GoAsync(page, $"{Console}/cases/{registered.Id}");

        await FillAsync(page, "request-explanation", "personnelNumber", "E-9999");
        await ActAsync(page, "request-explanation", 409);

        var section = page.Locator("details#request-explanation-action");
        await Expect(section.Locator(".refusal[role=alert]")).ToContainTextAsync("This employee is not concerned by the case.");
        await Expect(page.Locator("#request-explanation-personnelNumber")).ToHaveValueAsync("E-9999");
    }

    [Fact]
    public async Task an_investigator_answers_the_reporter_of_a_public_report()
    {
        await CallAsync("POST", $"/api/public/{Org}/reports", new { category = "corruption", text = "The ward nurse asked for money", anonymous = true }, null, 201);
        var found = await CallAsync("GET", "/api/cases?channel=public", null, Investigator, 200);
        var caseId = (await found.ReadAsJsonAsync<Paged<Projections.Cases.CaseSummary>>())!.Items.ShouldHaveSingleItem().Id;
        var page = await SignedInAsync("marat.investigator", [Roles.Investigator]);
        await GoAsync(page, $"{Console}/cases/{caseId}");
        await Expect(page.GetByText("No message yet.")).ToBeVisibleAsync();

        await FillAsync(page, "reply", "text", "Thank you: we are looking into it.");
        await ActAsync(page, "reply");

        await Expect(page.Locator("ol.thread li")).ToHaveCountAsync(1);
        await Expect(page.Locator("ol.thread li")).ToContainTextAsync("Thank you: we are looking into it.");
    }

    [Fact]
    public async Task the_case_pages_read_well_in_every_language()
    {
        var registered = await RegisterAsync(Registration(subjects: ["E-1042", "E-2001"], complainant: new { anonymous = true }));
        await CommandAsync(registered.Id, "acknowledgement", new { expectedVersion = 1 });
        await CommandAsync(registered.Id, "assignment", new { expectedVersion = 2, investigator = "marat.investigator" });
        await CommandAsync(registered.Id, "explanation-requests", new { expectedVersion = 3, personnelNumber = "E-1042" });
        foreach (var language in new[] { "en", "ru", "kk" })
        {
            var page = await SignedInAsync("marat.investigator", [Roles.Investigator], language: language);
            await GoAsync(page, $"{Console}/cases/new");
            await CheckPageAsync(page, language, "console-case-new");
            await GoAsync(page, $"{Console}/cases/{registered.Id}");
            await CheckPageAsync(page, language, "console-case");
        }
    }
}
