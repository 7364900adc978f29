using Cases.Api.Localization;
using Cases.Projections.MobileGroups;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>A mobile group as the API reads it: its members and their bodies, its schedule and the visits it held.</summary>
public sealed class MobileGroupModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public MobileGroupDetails? Group { get; private set; }

    public async Task OnGetAsync() => Group = await ReadAsync<MobileGroupDetails>($"/api/mobile-groups/{Id}");
}
