using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Projections.Cases;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The case list with the API's filters and paging; the filters go to the API as they are, and so do its refusals.</summary>
public sealed class CaseListModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "filter";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReceivedFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReceivedTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int Number { get; set; } = 1;

    public Paged<CaseSummary>? Cases { get; private set; }

    public async Task OnGetAsync() => Cases = await ReadAsync<Paged<CaseSummary>>("/api/cases" + Query(Number), Action);

    /// <summary>The list's query with its filters, at a page.</summary>
    public string Query(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["category"] = Category, ["channel"] = Channel, ["subject"] = Subject,
        ["receivedFrom"] = ReceivedFrom, ["receivedTo"] = ReceivedTo, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture)
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
