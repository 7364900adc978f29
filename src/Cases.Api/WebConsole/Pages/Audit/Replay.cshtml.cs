using Cases.Api.Audit;
using Cases.Api.Localization;
using Cases.Projections.Cases;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// A case replayed for an auditor: its events, and the case as it stood at a version, as recorded by a moment, or as
/// in effect on a business date, each rebuilt by the API's replay.
/// </summary>
public sealed class AuditReplayModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "replay";

    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? EffectiveOn { get; set; }

    public RecordedEvent[]? History { get; private set; }
    public CaseSummary? State { get; private set; }

    public bool HasPoint => !string.IsNullOrWhiteSpace(Version) || !string.IsNullOrWhiteSpace(AsOf) || !string.IsNullOrWhiteSpace(EffectiveOn);

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(CaseId)) return;
        var path = $"/api/cases/{Uri.EscapeDataString(CaseId.Trim())}";
        History = await ReadAsync<RecordedEvent[]>($"{path}/history", Action);
        if (History is null || !HasPoint) return;
        State = await ReadAsync<CaseSummary>($"{path}/as-of" + Point(), Action);
    }

    /// <summary>The replay point as the API reads it.</summary>
    public string Point() => QueryString.Create(new Dictionary<string, string?>
    {
        ["version"] = Version, ["asOf"] = ApiMoment(AsOf), ["effectiveOn"] = EffectiveOn
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
