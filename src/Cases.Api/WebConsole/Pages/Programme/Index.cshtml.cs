using System.Globalization;
using Cases.Api.ActionPlans;
using Cases.Api.Calls;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.RiskAnalysis;
using Cases.Projections.MobileGroups;
using Cases.Projections.Monitoring;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The anti-corruption programme over a period: the monitoring rounds and the calls of each line in it, the plans that
/// run in it with their execution, and the risk analyses and mobile groups, each as the API reads them.
/// </summary>
public sealed class ProgrammeModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts, OrganisationClock clock) : ConsolePageModel(api, texts)
{
    public const string Path = $"{ConsoleSetup.Path}/programme";
    public const string Action = "period";

    /// <summary>The first day of the period; the first of the organisation's year when not chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// <summary>The last day of the period; the organisation's today when not chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Paged<MonitoringRound>? Rounds { get; private set; }
    public CallsSummary? Calls { get; private set; }
    public Paged<ActionPlanView>? Plans { get; private set; }
    public Paged<RiskAnalysisView>? Analyses { get; private set; }
    public Paged<MobileGroupDetails>? Groups { get; private set; }

    public bool IsCompliance => HasAny(Roles.Compliance);

    public async Task OnGetAsync()
    {
        if (From is null && To is null)
        {
            var today = clock.For(Organisation).Today;
            From = new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = Date(today);
        }
        var query = QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To }).ToUriComponent();
        // The first refusal (the roles, the period) is the page's: the rest would only repeat it.
        if ((Rounds = await ReadAsync<Paged<MonitoringRound>>("/api/monitoring/rounds" + query, Action)) is null) return;
        if ((Calls = await ReadAsync<CallsSummary>("/api/call-lines/summary" + query, Action)) is null) return;
        if ((Plans = await ReadAsync<Paged<ActionPlanView>>("/api/action-plans" + query, Action)) is null) return;
        if ((Analyses = await ReadAsync<Paged<RiskAnalysisView>>("/api/risk-analyses", Action)) is null) return;
        Groups = await ReadAsync<Paged<MobileGroupDetails>>("/api/mobile-groups", Action);
    }
}
