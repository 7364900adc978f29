using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Cases.Api.Infrastructure;
using Cases.Api.WebConsole;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the console's sign-in tests: OpenIddict's server on a loopback port, in degraded
/// mode (no database: its keys are ephemeral, its tokens self-contained), with the authorisation code flow and PKCE,
/// and one confidential client, the console. It has no login form: the user it signs in is the one the test put in its
/// cookies (<see cref="ChooseUserAsync"/>), with exactly the claims the test gave; without one it shows a page that
/// stands for its login form. Its end-session endpoint ends that session and says whose it was.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "cases-console";
    public const string ClientSecret = "cases-console-test-secret";
    public const string LoginHeading = "Sign in at the organisation";

    private const string SubjectCookie = "provider-sub";
    private const string OrganisationCookie = "provider-org";
    private const string RolesCookie = "provider-roles";
    private const string CookiePath = "/connect";

    private WebApplication? _app;

    /// <summary>The provider's address, e.g. http://127.0.0.1:40123/: the console's authority.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The console's address, whose callbacks alone the provider sends users back to; set once it is known.</summary>
    public Uri? Console { get; set; }

    /// <summary>The users whose sessions the end-session endpoint ended, as its id_token_hint named them.</summary>
    public ConcurrentQueue<string> SignedOut { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/end-session");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            // Degraded mode keeps no client registry: the one client, its secret and its callbacks are checked here.
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri != Callback("signin-oidc")) context.Reject(Errors.InvalidRequest, "Not the client's callback.");
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } back && back != Callback("signout-callback-oidc"))
                {
                    context.Reject(Errors.InvalidRequest, "Not the client's callback.");
                }
                return default;
            }));
        });
        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        _app.MapMethods("/connect/end-session", ["GET", "POST"], (Delegate)EndSessionAsync);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Makes the provider sign in this user in the browser's context, with these claims (null: the claim is left out).</summary>
    public Task ChooseUserAsync(IBrowserContext browser, string subject, string? organisation, params string[] roles) =>
        browser.AddCookiesAsync(new[] { (SubjectCookie, subject), (OrganisationCookie, organisation), (RolesCookie, roles.Length > 0 ? string.Join(" ", roles) : null) }
            .Where(c => c.Item2 is not null)
            .Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Item1, Value = Uri.EscapeDataString(c.Item2!), Domain = Address.Host, Path = CookiePath, HttpOnly = true
            }));

    private string Callback(string path) => new Uri(Console ?? throw new InvalidOperationException("The console's address is not known yet."),
        $"/console/{path}").ToString();

    /// <summary>Signs in the user the test chose, with the claims it gave, in the identity token only.</summary>
    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        if (http.Request.Cookies[SubjectCookie] is not { } subject)
        {
            return Results.Content($"<!DOCTYPE html><html lang=\"en\"><title>Provider</title><h1>{LoginHeading}</h1></html>", "text/html");
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        if (http.Request.Cookies[OrganisationCookie] is { } organisation) identity.SetClaim(CasesClaims.Organisation, organisation);
        if (http.Request.Cookies[RolesCookie] is { } roles) identity.SetClaims(CasesClaims.Role, [.. roles.Split(' ')]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the provider's session of the user its id_token_hint names, and sends the browser back to the console.</summary>
    private async Task<IResult> EndSessionAsync(HttpContext http)
    {
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        SignedOut.Enqueue(hint.Principal?.GetClaim(Claims.Subject) ?? "(no id_token_hint)");
        foreach (var cookie in new[] { SubjectCookie, OrganisationCookie, RolesCookie })
        {
            http.Response.Cookies.Delete(cookie, new CookieOptions { Path = CookiePath });
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>
/// The host of the console's sign-in through a provider: the service, over a real socket, with
/// <c>Console:Oidc</c> pointing at an <see cref="OidcProvider"/> of its own and Development's sign-in page turned off,
/// so that every sign-in goes to the provider, as in production.
/// </summary>
public sealed class OidcBrowserApp() : BrowserApp("tests_oidc")
{
    public OidcProvider Provider { get; } = new();

    /// <summary>Why the service refused each sign-in through the provider, as it logged it for its operator.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
        Provider.Console = BaseUrl;
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("Console:Oidc:Authority", Provider.Address.ToString());
        builder.UseSetting("Console:Oidc:ClientId", OidcProvider.ClientId);
        builder.UseSetting("Console:Oidc:ClientSecret", OidcProvider.ClientSecret);
        builder.UseSetting("Console:DevelopmentSignIn", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(new RefusalLog(Refusals)));
        // The round trip through the provider runs in the browser's time, not in the test clock's past: its correlation
        // and nonce cookies would be expired when set.
        builder.ConfigureServices(services => services.PostConfigure<OpenIdConnectOptions>(ConsoleSetup.OidcScheme, o => o.TimeProvider = TimeProvider.System));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>Keeps the warnings the console's set-up logs: the reasons it gave for refusing a sign-in.</summary>
internal sealed class RefusalLog(ConcurrentQueue<string> refusals) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => categoryName == typeof(ConsoleSetup).FullName ? this : NullLogger.Instance;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) refusals.Enqueue(formatter(state, exception));
    }

    public void Dispose()
    {
    }
}

[CollectionDefinition(Name)]
public sealed class OidcBrowserCollection : ICollectionFixture<OidcBrowserApp>
{
    public const string Name = "browser with a provider";
}
