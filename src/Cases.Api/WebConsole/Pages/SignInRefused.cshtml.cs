using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Where a sign-in through the organisation's provider ends when it opens no session: the provider refused, or its
/// identity token lacked the organisation or roles the console needs (the reason is in the service's log).
/// </summary>
public sealed class SignInRefusedModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
