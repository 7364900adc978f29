using System.Globalization;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Projections.Audit;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The audit trail with the API's filters and paging, and its export as the API writes it (CSV or NDJSON).</summary>
public sealed class AuditTrailModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "trail";

    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? EventType { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int Number { get; set; } = 1;

    public Paged<AuditEntry>? Entries { get; private set; }

    public async Task OnGetAsync() => Entries = await ReadAsync<Paged<AuditEntry>>("/api/audit" + Query(Number, api: true), Action);

    /// <summary>Every entry the filters select, as the API exports them.</summary>
    public Task<IActionResult> OnGetExportAsync(string? format) => format == "ndjson"
        ? DownloadAsync("/api/audit/export" + Query(null, "ndjson", api: true), "application/x-ndjson", "audit.ndjson", Action)
        : DownloadAsync("/api/audit/export" + Query(null, "csv", api: true), "text/csv", "audit.csv", Action);

    /// <summary>
    /// The trail's query with its filters, at a page (none for an export, which takes every entry), in a format; for the
    /// API, with the moments on the organisation's clock.
    /// </summary>
    public string Query(int? page, string? format = null, bool api = false) => QueryString.Create(new Dictionary<string, string?>
    {
        ["caseId"] = CaseId, ["user"] = Who, ["eventType"] = EventType, ["from"] = api ? ApiMoment(From) : From, ["to"] = api ? ApiMoment(To) : To,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture), ["format"] = format
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
