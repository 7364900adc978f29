using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.WebConsole;

/// <summary>The console's settings, section <c>Console</c>.</summary>
public sealed class ConsoleSettings
{
    /// <summary>A session idle this long is over: the user signs in again.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session this old is over however busy it was: roles taken away at the provider take effect by then.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// Whether Development's sign-in page signs anyone in: only when this is on (appsettings.Development.json turns it
    /// on), the environment is Development, and the browser is on this machine (a loopback connection).
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>The organisation's OpenID Connect provider; without one, only Development's sign-in page signs in.</summary>
    public OidcSettings Oidc { get; set; } = new();

    public sealed class OidcSettings
    {
        public string? Authority { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }

        public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
    }

    /// <summary>
    /// The console's Content-Security-Policy: the public pages' one, except that a form may lead to the provider (signing
    /// out, or signing in again after a session ran out as a form was sent).
    /// </summary>
    public string ContentSecurityPolicy => Oidc.IsConfigured && Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out var provider)
        ? Public.Pages.PublicPageSetup.ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {provider.GetLeftPart(UriPartial.Authority)}")
        : Public.Pages.PublicPageSetup.ContentSecurityPolicy;

}

/// <summary>
/// The web console for the people who run the cases: Razor Pages under <c>/console</c>, signed in with a cookie (from
/// the organisation's OpenID Connect provider, or Development's sign-in page), with anti-forgery on every form. Its
/// pages act through <see cref="ConsoleApi"/>, so every rule, role and refusal is the API's.
/// </summary>
public static class ConsoleSetup
{
    public const string Path = "/console";
    public const string Folder = "/WebConsole/Pages";
    public const string CookieScheme = "console";
    public const string OidcScheme = "console-oidc";
    public const string Policy = "console";
    public const string LanguageCookie = "cases-console-lang";
    public const string SignInRefusedPath = $"{Path}/sign-in-refused";

    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        // Outside Development the console is served over HTTPS (behind a proxy, as X-Forwarded-Proto says): its cookies
        // never travel in clear.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secure);
        var settings = config.GetSection("Console").Get<ConsoleSettings>() ?? new ConsoleSettings();
        services.Configure<ConsoleSettings>(config.GetSection("Console"));
        services.AddSingleton<ConsoleApi>();
        var authentication = services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ConsoleCallHandler>(ConsoleCall.Scheme, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "cases-console";
                o.Cookie.Path = Path;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secure;
                o.ExpireTimeSpan = settings.SessionTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = $"{Path}/sign-in";
                o.LogoutPath = $"{Path}/sign-out";
                o.AccessDeniedPath = $"{Path}/refused";
                o.ReturnUrlParameter = "returnUrl";
                if (settings.Oidc.IsConfigured) o.ForwardChallenge = OidcScheme;
                o.Events.OnValidatePrincipal = context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (context.Properties.IssuedUtc is not { } issued || now - issued > settings.SessionLifetime) context.RejectPrincipal();
                    return Task.CompletedTask;
                };
            });
        if (settings.Oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = settings.Oidc.Authority;
                o.ClientId = settings.Oidc.ClientId;
                o.ClientSecret = settings.Oidc.ClientSecret;
                // A provider on this machine (a developer's, or the tests') may serve its metadata over plain http, in
                // Development only; anywhere else the metadata, and the signing keys it leads to, come over HTTPS.
                o.RequireHttpsMetadata = !(environment.IsDevelopment() && IsLoopback(settings.Oidc.Authority));
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = $"{Path}/signin-oidc";
                o.SignedOutCallbackPath = $"{Path}/signout-callback-oidc";
                // The provider posts its answer back (form_post), so these two cookies are SameSite=None, which browsers
                // keep only when Secure: always, also in Development, where a browser keeps a Secure cookie from http on
                // this machine (a secure context) and would drop a plain one ("Correlation failed").
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.MapInboundClaims = false;
                // The identity token is kept for signing out at the provider (id_token_hint), which many providers require.
                o.SaveTokens = true;
                o.TokenValidationParameters = new TokenValidationParameters { NameClaimType = CasesClaims.Subject, RoleClaimType = CasesClaims.Role };
                o.Events.OnTokenValidated = context =>
                {
                    var served = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganisationSettings>>().Value.Names.Keys;
                    var refusal = ConsoleRefusal(new JsonWebToken(context.SecurityToken.RawData), served.Count > 0 ? served : null);
                    if (refusal is not null) context.Fail(refusal);
                    return Task.CompletedTask;
                };
                // A refused token, a refusal by the provider or a broken round trip ends on a page that says so, with no
                // session, rather than as an error; the reason is the operator's to read, in the log.
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSetup))
                        .LogWarning("The console's sign-in through the provider was refused: {Reason}", context.Failure?.Message);
                    context.Response.Redirect(context.Request.PathBase + SignInRefusedPath);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => !string.IsNullOrWhiteSpace(c.User.FindFirst(CasesClaims.Organisation)?.Value))
            .RequireAssertion(c => c.User.FindAll(CasesClaims.Role).All(r => Roles.IsKnown(r.Value))));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(Folder, Policy);
            o.Conventions.AllowAnonymousToPage($"{Folder}/SignIn");
            o.Conventions.AllowAnonymousToPage($"{Folder}/SignInRefused");
            o.Conventions.AllowAnonymousToPage($"{Folder}/Language");
        });
        // The console keeps the language its user chose in a cookie of its own; the API and the public pages never read it.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(1, new CustomRequestCultureProvider(ChosenLanguageAsync)));
        return services;
    }

    /// <summary>
    /// Takes the console's calls to the API from this point of the pipeline: call it first, so that they pass every
    /// step a request from outside passes.
    /// </summary>
    public static void UseConsole(this WebApplication app)
    {
        var api = app.Services.GetRequiredService<ConsoleApi>();
        var builder = (IApplicationBuilder)app;
        builder.Use(next =>
        {
            api.Build(builder, next);
            return next;
        });
    }

    /// <summary>
    /// Why an identity token from the provider opens no session, or null when it opens one. It must carry the claims a
    /// bearer token of the API carries, checked the same way; and since the console's every page needs them, also an
    /// organisation and at least one role, each a role the service knows: a session the console's policy would refuse
    /// on every page is never opened.
    /// </summary>
    public static string? ConsoleRefusal(JsonWebToken token, IReadOnlyCollection<string>? organisations)
    {
        if (TokenClaims.Refusal(token, organisations) is { } refusal) return refusal;
        if (!token.TryGetPayloadValue<string>(CasesClaims.Organisation, out var organisation) || string.IsNullOrWhiteSpace(organisation))
        {
            return "The identity token names no organisation (org).";
        }
        var roles = token.Claims.Where(c => c.Type == CasesClaims.Role).Select(c => c.Value).ToList();
        if (roles.Count == 0) return "The identity token gives no role (role).";
        return roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown ? $"The identity token's role '{unknown}' is not one this service knows." : null;
    }

    /// <summary>Whether an address names this machine: localhost, or a loopback IP address.</summary>
    public static bool IsLoopback(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public static bool IsConsole(this HttpContext context) => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    private static Task<ProviderCultureResult?> ChosenLanguageAsync(HttpContext context) =>
        Task.FromResult(context.IsConsole() && context.Request.Cookies[LanguageCookie] is { Length: > 0 } chosen
                        && Languages.IsSupported(chosen)
            ? new ProviderCultureResult(chosen)
            : null);
}
