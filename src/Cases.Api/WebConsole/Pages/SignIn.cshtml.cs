using System.Globalization;
using System.Security.Claims;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Signing in. With the organisation's OpenID Connect provider configured, the provider signs the user in. In
/// Development only, this page picks the organisation, roles and user as <c>dev-token</c> does, with its checks;
/// elsewhere it is refused (404), so that no production host can sign anyone in without the provider.
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
        if (settings.Value.Oidc.IsConfigured && !environment.IsDevelopment())
        {
            return Challenge(new AuthenticationProperties { RedirectUri = Landing }, ConsoleSetup.OidcScheme);
        }
        return environment.IsDevelopment() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!environment.IsDevelopment()) return NotFound();
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

    /// <summary>Where the user goes once signed in: back where they were sent from, if that is a page of the console.</summary>
    private string Landing => ReturnUrl is { } back && Url.IsLocalUrl(back) && back.StartsWith(ConsoleSetup.Path + "/", StringComparison.Ordinal)
        ? back
        : ConsoleSetup.Path;
}
