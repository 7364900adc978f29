using Cases.Api.Localization;
using Cases.Api.Reminders;
using Cases.Domain.Reminders;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The signed-in user's open reminders, earliest last day first, the escalations they hold apart at the top; each is
/// acknowledged or snoozed by the API's own commands, with the version the page showed.
/// </summary>
public sealed class RemindersModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Path = $"{ConsoleSetup.Path}/reminders";

    [BindProperty(SupportsGet = true)] public Guid ReminderId { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }

    public IReadOnlyList<ReminderRead> Reminders { get; private set; } = [];

    public IEnumerable<ReminderRead> Escalations => Reminders.Where(r => r.Step == ReminderStep.Escalation);

    public IEnumerable<ReminderRead> Others => Reminders.Where(r => r.Step != ReminderStep.Escalation);

    /// <summary>A refusal of a command on a reminder no longer listed (acknowledged meanwhile) has no row to stand by: the page shows it on top.</summary>
    public bool RefusedElsewhere => Refusal is not null && (RefusedAction is null || Reminders.All(r => RefusedAction != Snooze(r.Id) && RefusedAction != Acknowledge(r.Id)));

    public static string Snooze(Guid reminder) => $"snooze-{reminder}";

    public static string Acknowledge(Guid reminder) => $"acknowledge-{reminder}";

    /// <summary>The console's page of the record the reminder's clock runs on, as the reminder's mail links it.</summary>
    public static string RecordPath(ReminderRead reminder) => ConsoleLinks.Of("", reminder.Kind, reminder.StreamId);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAcknowledgeAsync() =>
        CommandAsync(Acknowledge(ReminderId), "acknowledgement", new AcknowledgeReminder(ExpectedVersion), "reminder-acknowledged");

    public Task<IActionResult> OnPostSnoozeAsync() =>
        // A day left empty goes as none, so that the API's field error, not a rule about the year 1, answers it.
        CommandAsync(Snooze(ReminderId), "snooze", new { expectedVersion = ExpectedVersion, until = Until }, "reminder-snoozed");

    private async Task<IActionResult> CommandAsync(string action, string path, object command, string notice)
    {
        if (await PostAsync(action, $"/api/me/reminders/{ReminderId}/{path}", command) is not null) return DoneWith(Path, notice);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Reminders = await ReadAsync<List<ReminderRead>>("/api/me/reminders") ?? [];
}
