using Cases.Api.Localization;
using Cases.Api.RiskAnalysis;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>A corruption-risk analysis as the API reads it: its scope, working group, risks and the actions recommended on them.</summary>
public sealed class RiskAnalysisModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public RiskAnalysisView? Analysis { get; private set; }

    public async Task OnGetAsync() => Analysis = await ReadAsync<RiskAnalysisView>($"/api/risk-analyses/{Id}");
}
