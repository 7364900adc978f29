using Cases.Api.Localization;
using Cases.Projections.Sanctions;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The sanctions register with the API's filters and paging; the filters go to the API as they are, and so do its refusals.</summary>
public sealed class SanctionListModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "filter";

    [BindProperty(SupportsGet = true)] public string? PersonnelNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int Number { get; set; } = 1;

    public Paged<SanctionSummary>? Sanctions { get; private set; }

    public async Task OnGetAsync() => Sanctions = await ReadAsync<Paged<SanctionSummary>>("/api/sanctions" + Query(Number), Action);

    /// <summary>The register's query with its filters, at a page.</summary>
    public string Query(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["personnelNumber"] = PersonnelNumber, ["status"] = Status, ["caseId"] = CaseId, ["page"] = InvariantNumber(page)
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
