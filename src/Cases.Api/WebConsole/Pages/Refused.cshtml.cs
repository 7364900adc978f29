using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>Where a signed-in user lands on a page their roles do not open (403).</summary>
public sealed class RefusedModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
