using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>A protocol decision's execution: its reports and extensions, and the forms that report execution and ask, grant or refuse more time.</summary>
public sealed class DecisionModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Report = "report";
    public const string RequestExtension = "request-extension";
    public const string Grant = "grant";
    public const string Refuse = "refuse";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public ExecutionProgress Progress { get; set; } = ExecutionProgress.Executed;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public DateOnly? Day { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }

    /// <summary>Which addressee reports, by its place in the decision's list; none for a decision with a single executor.</summary>
    [BindProperty] public int? By { get; set; }

    public DecisionSummary? Decision { get; private set; }

    public bool IsSecretary => HasAny(Roles.Secretary);
    public string Path => $"{DecisionsModel.Path}/{Id}";
    public ExtensionEntry? Pending => Decision?.Extensions.LastOrDefault(e => e.Answer == ExtensionAnswer.Pending);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostReportAsync()
    {
        // The addressee is chosen from the decision as the API has it now.
        await LoadAsync();
        var by = Decision is { Addressees.Count: > 1 } d && By is { } i && i >= 0 && i < d.Addressees.Count ? d.Addressees[i].Addressee : null;
        return await CommandAsync(Report, "execution-reports",
            new ReportExecution(ExpectedVersion, Progress, Text ?? "", TextLines(Evidence), Day, by), "execution-reported");
    }

    public Task<IActionResult> OnPostRequestExtensionAsync() => CommandAsync(RequestExtension, "extension-requests",
        new Domain.Meetings.RequestExtension(ExpectedVersion, DueDate ?? default, Text ?? "", Day), "extension-requested");

    public Task<IActionResult> OnPostGrantAsync() => CommandAsync(Grant, "extension-grant", new GrantExtension(ExpectedVersion, DueDate, Day), "extension-granted");

    public Task<IActionResult> OnPostRefuseAsync() => CommandAsync(Refuse, "extension-refusal", new RefuseExtension(ExpectedVersion, Text ?? "", Day), "extension-refused");

    private async Task<IActionResult> CommandAsync(string action, string path, object command, string notice)
    {
        if (await PostAsync(action, $"/api/decisions/{Id}/{path}", command) is not null) return DoneWith(Path, notice);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Decision = await ReadAsync<DecisionSummary>($"/api/decisions/{Id}");
}
