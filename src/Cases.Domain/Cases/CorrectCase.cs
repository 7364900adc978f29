namespace Cases.Domain.Cases;

/// <summary>
/// The value one field of a case should have: where the stored event holds one outside the API's contract (two
/// channels joined by a comma, read as unknown) or one its sender did not mean. Exactly one of the three is given.
/// </summary>
public sealed record CorrectCase(long ExpectedVersion, string Reason, Channel? Channel = null, Category? Category = null,
    CaseOutcome? Outcome = null);

public static class CorrectCaseDecision
{
    public static RuleViolation? Check(CorrectCase command, Case state) => Rules.First(
        () => command.Outcome is not null && !state.IsClosed
            ? new RuleViolation("case-not-closed", $"Case {state.Number} is not closed: it has no outcome to correct.")
            : null,
        () => command.Channel == Channel.Public || (command.Channel is not null && state.IsPublicReport)
            ? new RuleViolation("public-channel-reserved",
                "Only a report sent through the public channel is on channel public, and its channel is never corrected.")
            : null,
        () => command.Channel == state.Channel || command.Category == state.Category || (command.Outcome is { } outcome && outcome == state.Outcome)
            ? new RuleViolation("nothing-to-correct", $"Case {state.Number} already has that value.")
            : null);

    /// <summary>The correction of the field given, naming the event it mends and the value stored there.</summary>
    public static object Decide(CorrectCase command, Case state, StoredValue stored, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state));
        var reason = command.Reason.Trim();
        var today = Rules.Today(now);
        return command switch
        {
            { Channel: { } channel } => new CaseChannelCorrected(state.Id, stored.Sequence, stored.Json, channel, reason, today),
            { Category: { } category } => new CaseCategoryCorrected(state.Id, stored.Sequence, stored.Json, category, reason, today),
            { Outcome: { } outcome } => new CaseOutcomeCorrected(state.Id, stored.Sequence, stored.Json, outcome, reason, today),
            _ => throw new InvalidOperationException("A correction names exactly one field.")
        };
    }
}
