using System.Globalization;
using Cases.Api.ActionPlans;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>An action plan: its items with their terms, responsible bodies and standing, overdue ones marked, its execution, and the form that reports an item for a body.</summary>
public sealed class ActionPlanModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "report";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ActionPlanView? Plan { get; private set; }

    public bool IsCompliance => HasAny(Roles.Compliance);
    public string Path => $"{ProgrammeModel.Path}/plans/{Id}";

    /// <summary>An item and one of its responsible bodies, as the form's choice names them: "{item}:{body's place}".</summary>
    public static string Target(int item, int body) => string.Create(CultureInfo.InvariantCulture, $"{item}:{body}");

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        KeepEntered();
        // The body is chosen from the plan as the API has it now; the version sent is the one the page showed.
        await LoadAsync();
        if (Plan is null) return Page();
        var target = Value($"{Action}-target").Split(':');
        var item = target is [var n, _] && int.TryParse(n, CultureInfo.InvariantCulture, out var number) ? Plan.Items.FirstOrDefault(i => i.Number == number) : null;
        var body = item is not null && int.TryParse(target[1], CultureInfo.InvariantCulture, out var place) && place >= 0 && place < item.Responsible.Count
            ? item.Responsible[place]
            : null;
        var answer = await PostAsync(Action, $"/api/action-plans/{Id}/items/{item?.Number ?? 0}/reports", Body(
            ("expectedVersion", NumberIn($"{Action}-expectedVersion")),
            ("body", body?.Body),
            ("organisation", body?.Organisation),
            ("progress", Given($"{Action}-progress")),
            ("report", Given($"{Action}-report")),
            ("reportedOn", Given($"{Action}-reportedOn")),
            ("periodFrom", Given($"{Action}-periodFrom")),
            ("periodTo", Given($"{Action}-periodTo"))));
        if (answer is not null) return DoneWith(Path, "plan-item-reported");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Plan = await ReadAsync<ActionPlanView>($"/api/action-plans/{Id}");
}
