using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>The console on a tablet held upright, and worked with the keyboard alone.</summary>
public sealed class when_using_the_console_on_a_tablet_or_by_keyboard(BrowserApp app) : ConsoleTests(app)
{
    [Fact]
    public async Task a_tablet_upright_reads_every_section_without_scrolling_sideways()
    {
        var registered = await RegisterAsync();
        var page = await NewPageAsync(viewport: new ViewportSize { Width = 768, Height = 1024 });
        await OpenAsync(page, $"{Console}/sign-in");
        await page.Locator("#organisation").SelectOptionAsync(Org);
        foreach (var role in new[] { Roles.Investigator, Roles.Secretary, Roles.Hr, Roles.Auditor }) await page.Locator($"#role-{role}").CheckAsync();
        await page.Locator("#user").FillAsync("marat.investigator");
        (await SubmitAsync(page, page.Locator("main form button[type=submit]"))).ShouldBe(302);

        foreach (var path in new[] { "cases", $"cases/{registered.Id}", "meetings", "decisions", "sanctions", "statistics", "audit", "programme" })
        {
            await GoAsync(page, $"{Console}/{path}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, path);
        }
    }

    [Fact]
    public async Task signing_in_and_acting_needs_no_mouse()
    {
        var registered = await RegisterAsync();
        var page = await NewPageAsync();
        await OpenAsync(page, $"{Console}/sign-in");

        await page.Locator("#organisation").SelectOptionAsync(Org);
        await page.Locator("#organisation").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < Roles.All.ToList().IndexOf(Roles.Investigator); i++) await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#user").FocusAsync();
        await page.Keyboard.TypeAsync("marat.investigator");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("header")).ToContainTextAsync("marat.investigator");

        await GoAsync(page, $"{Console}/cases/{registered.Id}");
        await page.Locator("details#acknowledge-action summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("details#acknowledge-action button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#case-status")).ToHaveTextAsync("Acknowledged");
    }
}
