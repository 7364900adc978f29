using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The console's home: the sections the user's roles open.</summary>
public sealed class HomeModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts);
