using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>Records a round of monitoring: its kind, period, sources, items reviewed, findings (none, or one a line) and, for procurement, its checks.</summary>
public sealed class MonitoringRoundModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "record";

    /// <summary>Public procurement's figures, by the API's names under <c>procurement</c>.</summary>
    public static readonly string[] ProcurementFields = ["checked", "violations", "affectingResult"];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepEntered();
        string Id(string field) => $"{Action}-{field}";
        // Procurement's figures go when any was given: the API says whether the kind takes them, and which are missing.
        var procurement = ProcurementFields.Any(f => Given(Id($"procurement.{f}")) is not null)
            ? Body([.. ProcurementFields.Select(f => (f, NumberIn(Id($"procurement.{f}"))))])
            : null;
        var answer = await PostAsync(Action, "/api/monitoring/rounds", Body(
            ("kind", Given(Id("kind"))),
            ("from", Given(Id("from"))),
            ("to", Given(Id("to"))),
            ("sources", TextLines(Value(Id("sources")))),
            ("itemsReviewed", NumberIn(Id("itemsReviewed"))),
            ("findings", TextLines(Value(Id("findings"))).Select(description => new { description }).ToArray()),
            ("procurement", procurement)));
        return answer is null ? Page() : DoneWith(ProgrammeModel.Path, "monitoring-recorded");
    }
}
