using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The language switch: keeps the chosen language in the console's cookie and goes back to the page.</summary>
public sealed class LanguageModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts, IHostEnvironment environment) : ConsolePageModel(api, texts)
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        if (lang is null || !Languages.IsSupported(lang)) return BadRequest();
        Response.Cookies.Append(ConsoleSetup.LanguageCookie, lang, new CookieOptions
        {
            Path = ConsoleSetup.Path, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps || !environment.IsDevelopment(), MaxAge = TimeSpan.FromDays(365)
        });
        return LocalRedirect(returnUrl is { } back && Url.IsLocalUrl(back) && back.StartsWith(ConsoleSetup.Path, StringComparison.Ordinal)
            ? back
            : ConsoleSetup.Path);
    }
}
