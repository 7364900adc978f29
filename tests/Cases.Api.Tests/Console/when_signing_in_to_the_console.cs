using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>Signing in and out of the console, its session cookie, its language, and the API's roles behind its pages.</summary>
public sealed class when_signing_in_to_the_console(BrowserApp app) : ConsoleTests(app)
{
    [Fact]
    public async Task a_page_asked_for_before_signing_in_opens_once_signed_in()
    {
        await RegisterAsync();
        var page = await NewPageAsync();

        await OpenAsync(page, $"{Console}/cases");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in\\?returnUrl=%2Fconsole%2Fcases$"));
        await CheckPageAsync(page, "en", "console-sign-in");
        await page.Locator("#organisation").SelectOptionAsync(Org);
        await page.Locator("#role-registrar").CheckAsync();
        await page.Locator("#user").FillAsync("aliya.registrar");
        (await SubmitAsync(page, page.Locator("main form button[type=submit]"))).ShouldBe(302);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/cases$"));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("header")).ToContainTextAsync("aliya.registrar");
        await CheckPageAsync(page, "en", "console-cases");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "cases-console");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.Path.ShouldBe("/console");
    }

    [Fact]
    public async Task a_refusal_of_the_api_is_shown_with_its_status()
    {
        var page = await SignedInAsync("dana.analyst", [Roles.Analyst]);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Cases" })).ToHaveCountAsync(0);

        await GoAsync(page, $"{Console}/cases", 403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
    }

    [Fact]
    public async Task bad_filters_are_the_apis_field_errors_next_to_the_form()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);

        await GoAsync(page, $"{Console}/cases?receivedFrom=2021-05-01&receivedTo=2021-04-01", 400);

        await Expect(Refusal(page)).ToContainTextAsync("Must not be after receivedTo.");
        await Expect(Refusal(page).GetByRole(AriaRole.Link, new() { Name = "receivedFrom" })).ToHaveAttributeAsync("href", "#filter-receivedFrom");
    }

    [Theory]
    [InlineData("ru", "Дела", "Веб-сайт")]
    [InlineData("kk", "Істер", "Веб-сайт")]
    public async Task the_chosen_language_stays_with_the_user(string language, string heading, string channel)
    {
        await RegisterAsync(Registration(channel: "website"));
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);

        await page.GetByRole(AriaRole.Link, new() { Name = language == "ru" ? "Русский" : "Қазақша", Exact = true }).ClickAsync();
        await GoAsync(page, $"{Console}/cases");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(page.Locator("table tbody td").Nth(2)).ToHaveTextAsync(channel);
        await CheckPageAsync(page, language, "console-cases");
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in$"));
        await OpenAsync(page, $"{Console}/cases");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in\\?returnUrl="));
    }

    [Fact]
    public async Task a_form_without_its_antiforgery_token_is_refused()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, $"{Console}/sign-in");
        await page.Locator("input[name=__RequestVerificationToken]").EvaluateAsync("input => input.remove()");
        await page.Locator("#role-registrar").CheckAsync();
        await page.Locator("#user").FillAsync("aliya.registrar");

        (await SubmitAsync(page, page.Locator("main form button[type=submit]"))).ShouldBe(400);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "cases-console");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("The form was not accepted");
    }

    [Fact]
    public async Task a_page_that_does_not_exist_is_a_page_too()
    {
        var page = await SignedInAsync("aliya.registrar", [Roles.Registrar], language: "kk");

        await GoAsync(page, $"{Console}/no-such-page", 404);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Мұндай бет жоқ.");
        await CheckPageAsync(page, "kk", "console-not-found");
    }

    [Fact]
    public async Task the_sign_in_page_checks_what_it_is_given()
    {
        var page = await NewPageAsync();
        await OpenAsync(page, $"{Console}/sign-in");
        await page.Locator("#user").FillAsync("service");

        (await SubmitAsync(page, page.Locator("main form button[type=submit]"))).ShouldBe(400);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose at least one role.");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not the service's own name");
        await CheckPageAsync(page, "en", "console-sign-in-errors");
    }
}
