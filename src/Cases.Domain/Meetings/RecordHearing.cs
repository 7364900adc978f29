namespace Cases.Domain.Meetings;

/// <summary>Who was heard on an agenda item, and on what.</summary>
public sealed record RecordHearing(long ExpectedVersion, int ItemNumber, string FullName, string Position, string Body, string Subject);

public static class RecordHearingDecision
{
    /// <summary>A person is heard on an item of the agenda while the meeting is in session, once per item.</summary>
    public static RuleViolation? Check(RecordHearing command, Meeting state) => Rules.First(
        () => MeetingRules.InSession(state),
        () => state.Item(command.ItemNumber) is null
            ? new RuleViolation("no-such-item", $"Meeting {state.Reference} has no agenda item {command.ItemNumber}.")
            : null,
        () => state.Hearings.Any(h => h.ItemNumber == command.ItemNumber && string.Equals(h.FullName, command.FullName.Trim(), StringComparison.OrdinalIgnoreCase))
            ? new RuleViolation("already-heard", $"{command.FullName.Trim()} has already been heard on item {command.ItemNumber}; one hearing covers every subject they spoke on.")
            : null);

    public static HearingRecorded Decide(RecordHearing command, Meeting state)
    {
        Rules.Ensure(Check(command, state));
        return new HearingRecorded(state.Id, command.ItemNumber, command.FullName.Trim(), command.Position.Trim(), command.Body.Trim(), command.Subject.Trim());
    }
}
