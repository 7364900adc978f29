using Cases.Api.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.WebConsole.Pages;

/// <summary>Signing out: the console's session ends, and the provider's too when it signed the user in.</summary>
public sealed class SignOutModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts, IOptions<ConsoleSettings> settings)
    : ConsolePageModel(api, texts)
{
    public IActionResult OnPost()
    {
        var back = new AuthenticationProperties { RedirectUri = $"{ConsoleSetup.Path}/sign-in" };
        return settings.Value.Oidc.IsConfigured
            ? SignOut(back, ConsoleSetup.CookieScheme, ConsoleSetup.OidcScheme)
            : SignOut(back, ConsoleSetup.CookieScheme);
    }
}
