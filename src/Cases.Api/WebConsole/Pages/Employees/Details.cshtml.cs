using Cases.Api.Localization;
using Cases.Domain.Sanctions;
using Cases.Projections.Employees;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// An employee's record: the sanctions in force and past, the cases they were a subject of, and their absences, which
/// HR records and cancels here. An employee with nothing on record yet gets their first absence here too.
/// </summary>
public sealed class EmployeeModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string RecordAbsence = "recordAbsence";
    public const string CancelAbsence = "cancelAbsence";

    [FromRoute] public string PersonnelNumber { get; set; } = "";

    public EmployeeHistory? Record { get; private set; }

    /// <summary>The record's version, to send as the expected version: 0 while the employee has nothing on record.</summary>
    public long Version => Record?.StreamVersion ?? 0;

    public IEnumerable<EmployeeSanction> InForce => Record?.Sanctions.Where(s => s.Status == SanctionStatus.Active) ?? [];

    public IEnumerable<EmployeeSanction> Past => Record?.Sanctions.Where(s => s.Status != SanctionStatus.Active) ?? [];

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostRecordAbsenceAsync(long expectedVersion, string? kind, string? from, string? to) =>
        CommandAsync(RecordAbsence, "absences", "absence-recorded", new { expectedVersion, kind = OrNull(kind), from = OrNull(from), to = OrNull(to) });

    public Task<IActionResult> OnPostCancelAbsenceAsync(long expectedVersion, string? absenceId, string? reason) =>
        CommandAsync(CancelAbsence, "absence-cancellations", "absence-cancelled", new { expectedVersion, absenceId = OrNull(absenceId), reason });

    /// <summary>Reads the record, then sends the command: refused, the record as read with the refusal by the form; done, back to the record.</summary>
    private async Task<IActionResult> CommandAsync(string action, string path, string notice, object body)
    {
        await LoadAsync();
        if (await PostAsync(action, $"/api/employees/{Uri.EscapeDataString(PersonnelNumber)}/{path}", body) is null) return Page();
        return DoneWith($"{ConsoleSetup.Path}/employees/{Uri.EscapeDataString(PersonnelNumber)}", notice);
    }

    private async Task LoadAsync() => Record = await ReadAsync<EmployeeHistory>($"/api/employees/{Uri.EscapeDataString(PersonnelNumber)}");
}
