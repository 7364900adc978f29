using System.Globalization;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.Statistics;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The statistics of a period: the API's figures, its narrative in the reader's language, the charts the chart
/// endpoint draws, and the CSV the API writes; for a regional role, the organisations it oversees side by side.
/// </summary>
public sealed class StatisticsModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts, IStringLocalizer<Reports> reports, OrganisationClock clock)
    : ConsolePageModel(api, texts)
{
    public const string Action = "period";

    /// <summary>The first day of the period; the first of the organisation's year when not chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// <summary>The last day of the period; the organisation's today when not chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>The chart texts are the chart endpoint's, so that the page draws what it draws.</summary>
    public IStringLocalizer Reports => reports;

    public StatisticsReport? Report { get; private set; }
    public string? Narrative { get; private set; }
    public RollUpReport? RollUp { get; private set; }

    public async Task OnGetAsync()
    {
        ChoosePeriod();
        var regional = HasAny(Roles.Regional);
        if (regional) RollUp = await ReadAsync<RollUpReport>("/api/statistics/rollup" + Query, Action);
        // A user with neither role is sent to the API all the same: its refusal is what the page shows.
        if (regional && !HasAny(Roles.ExecutionReaders)) return;
        Report = await ReadAsync<StatisticsReport>("/api/statistics" + Query, Action);
        if (Report is not null) Narrative = await ReadTextAsync("/api/statistics/narrative" + Query, Action);
    }

    /// <summary>The period's figures as the API writes them in CSV, headed in the reader's language.</summary>
    public Task<IActionResult> OnGetCsvAsync()
    {
        ChoosePeriod();
        return DownloadAsync("/api/statistics" + Query, "text/csv", $"statistics-{From}-{To}.csv", Action);
    }

    public string Query => QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To }).ToUriComponent();

    /// <summary>The period's first and last month, as the charts title them.</summary>
    public (DateOnly First, DateOnly Last) Months(DateOnly from, DateOnly to) => (new DateOnly(from.Year, from.Month, 1), new DateOnly(to.Year, to.Month, 1));

    private void ChoosePeriod()
    {
        if (From is not null || To is not null) return;
        var today = clock.For(Organisation).Today;
        From = new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = Date(today);
    }
}
