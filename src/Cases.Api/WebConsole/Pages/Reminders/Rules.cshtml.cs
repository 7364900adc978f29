using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.Reminders;
using Cases.Domain.Reminders;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The reminder rules in force, one a kind of deadline: the working days before its last day, whom to remind and to whom
/// to escalate. The compliance service changes them in one form; the others read them.
/// </summary>
public sealed class ReminderRulesModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Path = $"{RemindersModel.Path}/rules";
    public const string Change = "change";
    public const int MaxWorkingDaysBefore = ReminderDefaults.MaxWorkingDaysBefore;

    /// <summary>One rule as the form sends it; an empty escalation is none.</summary>
    public sealed class RuleForm
    {
        public string Kind { get; set; } = "";
        public int WorkingDaysBefore { get; set; }
        public string Remind { get; set; } = "";
        public string? EscalateTo { get; set; }
    }

    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public List<RuleForm> Rules { get; set; } = [];

    public ReminderRulesRead? InForce { get; private set; }

    public bool IsCompliance => HasAny(Roles.Compliance);

    /// <summary>The roles a kind's rule may name: those who read its deadlines, as the API checks the rule.</summary>
    public static IReadOnlyList<string> RoleChoices(string kind) => Deadlines.DeadlineAudience.ReadersOf(kind).Split(',');

    /// <summary>The rule as the form shows it: as sent when the API refused it, else as in force.</summary>
    public ReminderRule Shown(int index, ReminderRule inForce) =>
        RefusedAction == Change && index < Rules.Count && Rules[index].Kind == inForce.Kind
            ? new ReminderRule(inForce.Kind, Rules[index].WorkingDaysBefore, Rules[index].Remind, OrNull(Rules[index].EscalateTo))
            : inForce;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var rules = Rules.Select(r => new ReminderRule(r.Kind, r.WorkingDaysBefore, r.Remind, OrNull(r.EscalateTo))).ToArray();
        if (await PostAsync(Change, "/api/reminder-rules", new ChangeReminderRules(ExpectedVersion, rules)) is not null) return DoneWith(Path, "reminder-rules-changed");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => InForce = await ReadAsync<ReminderRulesRead>("/api/reminder-rules");
}
