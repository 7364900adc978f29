using Cases.Domain.Sanctions;

namespace Cases.Domain.Cases;

/// <summary>
/// Records the requested explanation, or, when the employee refused, the act of refusal with its witnesses.
/// Exactly one of <see cref="Text"/> and <see cref="RefusalWitnesses"/> is given.
/// </summary>
public sealed record RecordExplanation(
    long ExpectedVersion,
    string PersonnelNumber,
    string? Text = null,
    IReadOnlyList<string>? RefusalWitnesses = null,
    DateOnly? RecordedOn = null)
{
    public bool IsRefusal => RefusalWitnesses is not null;
}

public static class RecordExplanationDecision
{
    /// <summary>
    /// The last day the employee has to explain for a request made on <paramref name="requestedOn"/>: the organisation's
    /// <see cref="SanctionRules.ExplanationWorkingDays"/> working days after it.
    /// </summary>
    public static DateOnly ExplanationDue(DateOnly requestedOn, WorkingCalendar calendar, SanctionRules rules) =>
        calendar.After(requestedOn, rules.ExplanationWorkingDays);

    /// <summary>The first day an act of refusal may bear: the day after the explanation was due.</summary>
    public static DateOnly EarliestRefusalAct(DateOnly requestedOn, WorkingCalendar calendar, SanctionRules rules) =>
        ExplanationDue(requestedOn, calendar, rules).AddDays(1);

    /// <summary>
    /// The last day an act of refusal is due when no explanation came: the first working day after the explanation's
    /// last day, the earliest working day the act may bear, so the refusal is fixed while the witnesses remember it.
    /// </summary>
    public static DateOnly RefusalActDue(DateOnly requestedOn, WorkingCalendar calendar, SanctionRules rules) =>
        calendar.After(ExplanationDue(requestedOn, calendar, rules), 1);

    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => state.PendingExplanations.Count > 0
            ? null
            : new RuleViolation("no-explanation-requested", $"No explanation is awaited on case {state.Number}."));

    public static RuleViolation? Check(RecordExplanation command, Case state, DateTimeOffset now, WorkingCalendar calendar, SanctionRules rules)
    {
        var personnelNumber = command.PersonnelNumber.Trim();
        var recordedOn = command.RecordedOn ?? Rules.Today(now);
        return Rules.First(
            () => Guard(state),
            () => state.PendingExplanations.ContainsKey(personnelNumber)
                ? null
                : new RuleViolation("no-explanation-requested",
                    $"No explanation from employee {command.PersonnelNumber} is awaited on case {state.Number}."),
            () => Rules.NotBefore(recordedOn, state.PendingExplanations[personnelNumber], "explanation", "request"),
            () => command.IsRefusal && EarliestRefusalAct(state.PendingExplanations[personnelNumber], calendar, rules) is var earliest && recordedOn < earliest
                ? new RuleViolation("refusal-too-early",
                    $"An act of refusal may be drawn up only after {rules.ExplanationWorkingDays} working days without an explanation, " +
                    $"from {earliest:yyyy-MM-dd} (art. 65).")
                : null);
    }

    public static object Decide(RecordExplanation command, Case state, DateTimeOffset now, WorkingCalendar calendar, SanctionRules rules)
    {
        Rules.Ensure(Check(command, state, now, calendar, rules));
        var personnelNumber = command.PersonnelNumber.Trim();
        var recordedOn = command.RecordedOn ?? Rules.Today(now);
        return command.IsRefusal
            ? new ExplanationRefused(state.Id, personnelNumber, recordedOn, command.RefusalWitnesses!.Select(w => w.Trim()).ToArray())
            : new ExplanationReceived(state.Id, personnelNumber, recordedOn, command.Text!.Trim());
    }
}
