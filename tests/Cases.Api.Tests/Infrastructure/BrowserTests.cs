using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Base of the browser tests: fresh data and a fresh browser context (no cookie, no cache, no storage) per test, the
/// reporter's steps on the public pages, and the checks every page passes: its language, an axe scan, and, for Russian
/// and Kazakh, that a font really drew the letters (a page without one is blank while its text is all there).
/// The English steps find the fields by their labels; the steps in any language find them by the names the English
/// labels lead to, so that the Russian and Kazakh pages need no copy of their texts here.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTests(BrowserApp app) : ApiTests<BrowserApp>(app)
{
    /// <summary>
    /// How long an action or an expectation waits for the page: it bounds a hang, it never decides a pass. Longer than
    /// <see cref="CasesApp.Patience"/>, the longest the service itself waits (for the async projections a page reads),
    /// so that a busy machine makes a page slow, never a test red.
    /// </summary>
    private const float Patience = 150_000;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Accept-Language of each language's browser.</summary>
    protected static readonly Dictionary<string, string> Locales = new() { ["en"] = "en-GB", ["ru"] = "ru-RU", ["kk"] = "kk-KZ" };

    /// <summary>The letters of Kazakh that Russian lacks.</summary>
    protected const string KazakhLetters = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";

    protected const string ReportPath = $"/{Org}/report";
    protected const string FollowUpPath = $"/{Org}/follow-up";

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    /// <summary>A page in a browser context of its own, whose Accept-Language asks for <paramref name="language"/>.</summary>
    protected async Task<IPage> NewPageAsync(string language = "en", bool javaScript = true, ViewportSize? viewport = null)
    {
        SetDefaultExpectTimeout(Patience);
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            Locale = Locales[language],
            JavaScriptEnabled = javaScript,
            ViewportSize = viewport ?? new ViewportSize { Width = 1024, Height = 768 }
        });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Opens a path and checks the answer's status.</summary>
    protected static async Task OpenAsync(IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(path);
        response.ShouldNotBeNull().Status.ShouldBe(status, $"GET {path}");
    }

    /// <summary>Clicks what submits a form and answers the status of the page it leads to.</summary>
    protected static async Task<int> SubmitAsync(IPage page, ILocator button)
    {
        var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return response.Status;
    }

    protected static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Fills the report form by its English labels; anonymous, or with the reporter's contact details.</summary>
    protected static async Task FillReportAsync(IPage page, bool anonymous, string text = "The ward nurse asked for money before the infusion")
    {
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("What happened").FillAsync(text);
        await page.GetByLabel("When it happened").FillAsync("2021-11-10");
        await page.GetByLabel("Where it happened").FillAsync("Surgical department, ward 4");
        if (anonymous)
        {
            await page.GetByLabel("Report anonymously").CheckAsync();
        }
        else
        {
            await page.GetByLabel("Give my contact details").CheckAsync();
            await page.GetByLabel("Your name").FillAsync("Aliya Serikova");
            await page.GetByLabel("Email or phone").FillAsync("aliya@example.kz");
        }
    }

    /// <summary>Sends the report form of an English page and answers the receipt code the confirmation shows.</summary>
    protected static async Task<string> SendReportAsync(IPage page)
    {
        (await SubmitAsync(page, Button(page, "Send report"))).ShouldBe(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report was received" })).ToBeVisibleAsync();
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        code.ShouldNotBeEmpty();
        return code;
    }

    /// <summary>Enters the receipt code on an English follow-up form and answers the status of the page it leads to.</summary>
    protected static async Task<int> FollowUpAsync(IPage page, string code)
    {
        await page.GetByLabel("Receipt code").FillAsync(code);
        return await SubmitAsync(page, Button(page, "Follow up"));
    }

    /// <summary>The messages of the thread on the follow-up page, one per &lt;article&gt;.</summary>
    protected static ILocator Thread(IPage page) => page.Locator("article");

    /// <summary>Replies to the reporter of the organisation's one public case, as its investigator does, through the API.</summary>
    protected async Task InvestigatorRepliesAsync(string text)
    {
        var found = await CallAsync("GET", "/api/cases?channel=public", null, Investigator, 200);
        var summary = JsonDocument.Parse(await found.ReadAsTextAsync()).RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        await CallAsync("POST", $"/api/cases/{summary.GetProperty("id").GetGuid()}/messages",
            new { expectedVersion = summary.GetProperty("version").GetInt64(), text }, Investigator, 200);
    }

    /// <summary>
    /// What every page passes: the language it says it is in, no accessibility violation axe finds, and for Russian and
    /// Kazakh a font that draws its letters; its screenshot is kept under artifacts/screenshots/ as {page}.{language}.png.
    /// </summary>
    protected static async Task CheckPageAsync(IPage page, string language, string name)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot(name, language), FullPage = true });
        var axe = await page.RunAxe();
        axe.Violations.ShouldBeEmpty($"{name} in {language}: " + string.Join("; ", axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        if (language == "en") return;
        await DrawnAsync(page, "//h1", $"{name} in {language}: the heading");
        if (language == "kk") await KazakhDrawnAsync(page, name);
    }

    /// <summary>A font drew the first text of the page that has letters of Kazakh's own.</summary>
    protected static async Task KazakhDrawnAsync(IPage page, string name)
    {
        var kazakh = string.Concat(KazakhLetters.Select(c => $"contains(., '{c}') or ")) + "false()";
        await DrawnAsync(page, $"//body//*[text()[{kazakh}]]", $"{name} in Kazakh: a text with Kazakh letters");
    }

    public static string Screenshot(string name, string language)
    {
        var folder = Path.Combine(FaultServer.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.{language}.png");
    }

    /// <summary>
    /// Asks Chromium which fonts drew the text of the first element the XPath finds, and fails when none drew a glyph:
    /// with no usable font Chromium draws nothing, and every assertion on the DOM still passes.
    /// </summary>
    private static async Task DrawnAsync(IPage page, string xpath, string what)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = -1 });
            var search = (await cdp.SendAsync("DOM.performSearch", new Dictionary<string, object> { ["query"] = xpath }))!.Value;
            search.GetProperty("resultCount").GetInt32().ShouldBeGreaterThan(0, $"{what}: nothing matches {xpath}");
            var found = (await cdp.SendAsync("DOM.getSearchResults", new Dictionary<string, object>
            {
                ["searchId"] = search.GetProperty("searchId").GetString()!, ["fromIndex"] = 0, ["toIndex"] = 1
            }))!.Value.GetProperty("nodeIds")[0].GetInt32();
            var fonts = (await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = found }))!.Value
                .GetProperty("fonts").EnumerateArray().ToList();
            fonts.Sum(f => f.GetProperty("glyphCount").GetInt32()).ShouldBeGreaterThan(0,
                $"{what}: no font drew it ({JsonSerializer.Serialize(fonts)})");
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }
}
