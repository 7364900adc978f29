using System.Globalization;
using System.Net;
using System.Security.Claims;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Signing in. With the organisation's OpenID Connect provider configured, the provider signs the user in. In
/// Development only, with <see cref="ConsoleSettings.DevelopmentSignIn"/> on and for a browser on this machine, this
/// page picks the organisation, roles and user as <c>dev-token</c> does, with its checks; otherwise it is not found
/// (404), so that no production host, and no other machine, can sign anyone in without the provider.
/// </summary>
public sealed class SignInModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts, IHostEnvironment environment,
    IOptions<ConsoleSettings> settings, IOptions<OrganisationSettings> organisations) : ConsolePageModel(api, texts)
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? OrganisationId { get; set; }

    [BindProperty]
    public List<string> ChosenRoles { get; set; } = [];

    [BindProperty]
    public string? Login { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IEnumerable<(string Id, string Name)> Organisations =>
        organisations.Value.Names.Keys.Order(StringComparer.Ordinal).Select(id => (id, organisations.Value.NameOf(id, CultureInfo.CurrentUICulture)));

    public IActionResult OnGet()
    {
        if (IsOpen) return Page();
        return settings.Value.Oidc.IsConfigured
            ? Challenge(new AuthenticationProperties { RedirectUri = Landing }, ConsoleSetup.OidcScheme)
            : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsOpen) return NotFound();
        var user = Login?.Trim() ?? "";
        if (OrganisationId is null || !organisations.Value.Names.ContainsKey(OrganisationId)) Errors["organisation"] = T["SignIn.Error.Organisation"];
        if (ChosenRoles.Count == 0 || !ChosenRoles.All(Roles.IsKnown)) Errors["roles"] = T["SignIn.Error.Roles"];
        if (!TokenClaims.IsSubject(user) || TokenClaims.IsReserved(user)) Errors["user"] = T["SignIn.Error.User"];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(CasesClaims.Subject, user), new Claim(CasesClaims.Organisation, OrganisationId!), ..ChosenRoles.Distinct().Select(r => new Claim(CasesClaims.Role, r))],
            ConsoleSetup.CookieScheme, CasesClaims.Subject, CasesClaims.Role);
        await HttpContext.SignInAsync(ConsoleSetup.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Landing);
    }

    /// <summary>
    /// Whether this page signs in. A connection with no remote address (a Unix socket behind a proxy, an in-memory test
    /// server) is not known to come from this machine, so it is not let in; nor is a request a proxy forwarded, whose
    /// loopback address is the proxy's, not the browser's.
    /// </summary>
    private bool IsOpen => environment.IsDevelopment() && settings.Value.DevelopmentSignIn
        && HttpContext.Connection.RemoteIpAddress is { } client
        && IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client)
        && !Request.Headers.ContainsKey("X-Forwarded-For") && !Request.Headers.ContainsKey("Forwarded");

    /// <summary>Where the user goes once signed in: back where they were sent from, if that is a page of the console.</summary>
    private string Landing => ReturnUrl is { } back && Url.IsLocalUrl(back) && back.StartsWith(ConsoleSetup.Path + "/", StringComparison.Ordinal)
        ? back
        : ConsoleSetup.Path;
}
