namespace Cases.Domain.Meetings;

public sealed record CorrectMinutes(long ExpectedVersion, string Correction, int? ItemNumber = null, DateOnly? CorrectedOn = null);

public static class CorrectMinutesDecision
{
    public static RuleViolation? Check(CorrectMinutes command, Meeting state) => Rules.First(
        () => state.IsClosed
            ? null
            : new RuleViolation("minutes-not-signed", $"The minutes of meeting {state.Reference} are not signed yet; record the fact itself."),
        () => command.ItemNumber is { } item && state.Item(item) is null
            ? new RuleViolation("no-such-item", $"Meeting {state.Reference} has no agenda item {item}.")
            : null);

    public static MinutesCorrected Decide(CorrectMinutes command, Meeting state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state));
        return new MinutesCorrected(state.Id, command.ItemNumber, command.Correction.Trim(), command.CorrectedOn ?? Rules.Today(now));
    }
}
