using System.Text.RegularExpressions;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// Signing in to the console through a real OpenID Connect provider (<see cref="OidcProvider"/>): the authorisation
/// code flow with PKCE over real sockets, in a real browser, the identity token's claims checked as the API checks a
/// bearer token's, and signing out at the provider.
/// </summary>
[Collection(OidcBrowserCollection.Name)]
public sealed class when_signing_in_through_the_organisations_provider(OidcBrowserApp app) : BrowserTests(app)
{
    private const string Console = "/console";

    private OidcProvider Provider => ((OidcBrowserApp)App).Provider;
    private System.Collections.Concurrent.ConcurrentQueue<string> Refusals => ((OidcBrowserApp)App).Refusals;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Refusals.Clear();
    }

    /// <summary>A browser whose user the provider will sign in with these claims; it opens the case list, signed out.</summary>
    private async Task<IPage> ToCasesAsync(string user, string? organisation, string[] roles, string language = "en")
    {
        var page = await NewPageAsync(language);
        await Provider.ChooseUserAsync(page.Context, user, organisation, roles);
        await page.GotoAsync($"{Console}/cases");
        return page;
    }

    [Fact]
    public async Task the_provider_signs_the_user_in_with_the_organisation_and_roles_of_its_token()
    {
        await RegisterAsync();

        var page = await ToCasesAsync("aliya.registrar", Org, [Roles.Registrar, Roles.Investigator]);

        await page.WaitForURLAsync(new Regex("/console/(cases|sign-in-refused)$"));
        Refusals.ShouldBeEmpty();
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.BaseUrl.ToString().TrimEnd('/'))}/console/cases$"));
        await Expect(page.Locator("header .who")).ToContainTextAsync("aliya.registrar · nroc · Registrar, Investigator");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "cases-console");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.Path.ShouldBe("/console");
    }

    [Theory]
    [InlineData(null, Roles.Registrar, "names no organisation (org)")]
    [InlineData("no-such-organisation", Roles.Registrar, "not one this service serves")]
    [InlineData("Not an organisation", Roles.Registrar, "must be one organisation id")]
    [InlineData(Org, null, "gives no role (role)")]
    [InlineData(Org, "wizard", "role 'wizard' is not one this service knows")]
    public async Task a_token_without_a_known_organisation_and_roles_opens_no_session(string? organisation, string? role, string reason)
    {
        var page = await ToCasesAsync("aliya.registrar", organisation, role is null ? [] : [role]);

        await Expect(page).ToHaveURLAsync(new Regex("/console/sign-in-refused$"));
        Refusals.ShouldHaveSingleItem().ShouldContain(reason);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign-in refused");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "cases-console");
        (await page.GotoAsync($"{Console}/sign-in-refused"))!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task the_refusal_is_a_page_in_the_readers_language()
    {
        foreach (var language in new[] { "en", "ru", "kk" })
        {
            var page = await ToCasesAsync("aliya.registrar", null, [Roles.Registrar], language);
            await Expect(page).ToHaveURLAsync(new Regex("/console/sign-in-refused$"));
            await CheckPageAsync(page, language, "console-sign-in-refused");
        }
    }

    [Fact]
    public async Task signing_out_ends_the_session_here_and_at_the_provider()
    {
        var page = await ToCasesAsync("aliya.registrar", Org, [Roles.Registrar]);
        await Expect(page).ToHaveURLAsync(new Regex("/console/cases$"));
        Provider.SignedOut.Clear();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The provider was asked to end its session with the identity token it issued, ended it, and sent the browser
        // back: the console asks it to sign someone in again, and it wants a login now.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = OidcProvider.LoginHeading })).ToBeVisibleAsync();
        page.Url.ShouldStartWith(Provider.Address + "connect/authorize");
        Provider.SignedOut.ShouldBe(["aliya.registrar"]);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "cases-console");
        await page.GotoAsync($"{Console}/cases");
        page.Url.ShouldStartWith(Provider.Address + "connect/authorize");
    }
}
