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

    /// <summary>Opens an action's form on the case page (each is folded until wanted).</summary>
    protected static async Task<ILocator> OpenActionAsync(IPage page, string action)
    {
        var details = page.Locator($"details#{action}-action");
        if (await details.GetAttributeAsync("open") is null) await details.Locator("summary").ClickAsync();
        return details;
    }

    /// <summary>Sends an action's form on the case page and checks the status of the page it leads to.</summary>
    protected static async Task ActAsync(IPage page, string action, int status = 302)
    {
        var details = await OpenActionAsync(page, action);
        (await SubmitAsync(page, details.Locator("button[type=submit]"))).ShouldBe(status, action);
    }

    protected static async Task FillAsync(IPage page, string action, string field, string value)
    {
        await OpenActionAsync(page, action);
        await page.Locator($"#{action}-{field}").FillAsync(value);
    }
}
