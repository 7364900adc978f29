using Cases.Api.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// The host of the browser tests: the service's own pipeline served by real Kestrel on a loopback port
/// (<see cref="LoopbackServer"/>), and one headless Chromium, Debian's (scripts/ensure-chromium.sh installs it), that
/// every test of the collection drives in a context of its own. Playwright's bundled driver downloads nothing.
/// </summary>
public class BrowserApp : CasesApp
{
    public BrowserApp() : this("tests_browser")
    {
    }

    /// <summary>A browser host of another collection, in a schema of its own.</summary>
    protected BrowserApp(string schema) : base(schema)
    {
    }

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The pages' address, e.g. http://127.0.0.1:41485.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where the browser is: CHROMIUM_PATH, else Debian's.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.ConfigureServices(LoopbackServer.AddTo);
        // Every test's browser comes from 127.0.0.1: the abuse limits are the public API tests' to reach, not these.
        builder.UseSetting("PublicReporting:RequestsPerWindow", "100000");
        builder.UseSetting("PublicReporting:AnonymousReportsPerHour", "100000");
        builder.UseSetting("PublicReporting:ReceiptHashIterations", "10000");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = await Host.Services.GetRequiredService<LoopbackServer>().AddressAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}: run scripts/ensure-chromium.sh (as root), or set CHROMIUM_PATH to a Chromium.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
