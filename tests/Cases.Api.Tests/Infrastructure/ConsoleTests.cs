using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Base of the console's browser tests: a person signs in through Development's sign-in page with the roles of the
/// story, in a browser context of their own, and works through the pages only. The checks of every page (language,
/// axe, fonts, screenshot) are <see cref="BrowserTests.CheckPageAsync"/>'s.
/// </summary>
public abstract class ConsoleTests(BrowserApp app) : BrowserTests(app)
{
    protected const string Console = "/console";

    /// <summary>A page signed in as <paramref name="user"/> of <paramref name="organisation"/> in <paramref name="roles"/>.</summary>
    protected async Task<IPage> SignedInAsync(string user, string[] roles, string organisation = Org, string language = "en")
    {
        var page = await NewPageAsync(language);
        await OpenAsync(page, $"{Console}/sign-in");
        await page.Locator("#organisation").SelectOptionAsync(organisation);
        foreach (var role in roles) await page.Locator($"#role-{role}").CheckAsync();
        await page.Locator("#user").FillAsync(user);
        (await SubmitAsync(page, page.Locator("main form button[type=submit]"))).ShouldBe(302);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{Console}$"));
        return page;
    }

    /// <summary>Opens a console page by its path and checks the answer's status.</summary>
    protected static Task GoAsync(IPage page, string path, int status = 200) => OpenAsync(page, path, status);

    /// <summary>The refusal the page shows (the API's ProblemDetails, in the reader's words).</summary>
    protected static ILocator Refusal(IPage page) => page.Locator(".refusal[role=alert]");
}
