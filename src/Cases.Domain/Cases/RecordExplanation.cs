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
    /// <summary>An act of refusal may be drawn up only once this many working days passed without an explanation.</summary>
    public const int RefusalWaitingDays = 2;

    /// <summary>The first day an act of refusal may bear for a request made on <paramref name="requestedOn"/>.</summary>
    public static DateOnly EarliestRefusalAct(DateOnly requestedOn, WorkingCalendar calendar) =>
        calendar.After(requestedOn, RefusalWaitingDays).AddDays(1);

    public static RuleViolation? Check(RecordExplanation command, Case state, DateTimeOffset now, WorkingCalendar calendar)
    {
        var personnelNumber = command.PersonnelNumber.Trim();
        var recordedOn = command.RecordedOn ?? Rules.Today(now);
        return Rules.First(
            () => CaseRules.NotClosed(state),
            () => state.PendingExplanations.ContainsKey(personnelNumber)
                ? null
                : new RuleViolation("no-explanation-requested",
                    $"No explanation from employee {command.PersonnelNumber} is awaited on case {state.Number}."),
            () => Rules.NotBefore(recordedOn, state.PendingExplanations[personnelNumber], "explanation", "request"),
            () => command.IsRefusal && recordedOn < EarliestRefusalAct(state.PendingExplanations[personnelNumber], calendar)
                ? new RuleViolation("refusal-too-early",
                    $"An act of refusal may be drawn up only after {RefusalWaitingDays} working days without an explanation, " +
                    $"from {EarliestRefusalAct(state.PendingExplanations[personnelNumber], calendar):yyyy-MM-dd}.")
                : null);
    }

    public static object Decide(RecordExplanation command, Case state, DateTimeOffset now, WorkingCalendar calendar)
    {
        Rules.Ensure(Check(command, state, now, calendar));
        var personnelNumber = command.PersonnelNumber.Trim();
        var recordedOn = command.RecordedOn ?? Rules.Today(now);
        return command.IsRefusal
            ? new ExplanationRefused(state.Id, personnelNumber, recordedOn, command.RefusalWitnesses!.Select(w => w.Trim()).ToArray())
            : new ExplanationReceived(state.Id, personnelNumber, recordedOn, command.Text!.Trim());
    }
}
