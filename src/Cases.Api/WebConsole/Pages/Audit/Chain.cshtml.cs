using Cases.Api.Audit;
using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The organisation's hash chain verified by the API on the auditor's demand, and exported for a third party to check.</summary>
public sealed class AuditChainModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "chain";

    /// <summary>Verification reads the whole chain: it runs when asked for, not on every visit.</summary>
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public ChainReport? Report { get; private set; }

    public async Task OnGetAsync()
    {
        if (Verify) Report = await ReadAsync<ChainReport>("/api/audit/chain", Action);
    }

    public Task<IActionResult> OnGetExportAsync() => DownloadAsync("/api/audit/chain/export", "application/x-ndjson", "chain.ndjson", Action);
}
