namespace Cases.Domain.Meetings;

/// <summary>Guards shared by the meeting decisions.</summary>
public static class MeetingRules
{
    public static RuleViolation? NotEnded(Meeting m) =>
        m.IsClosed ? new RuleViolation("minutes-signed", $"The minutes of meeting {m.Reference} are signed; record a correction instead.")
        : m.IsCancelled ? new RuleViolation("meeting-cancelled", $"Meeting {m.Reference} was cancelled.")
        : null;

    public static RuleViolation? StillScheduled(Meeting m) => NotEnded(m) ?? (m.IsOpen
        ? new RuleViolation("meeting-already-open", $"Meeting {m.Reference} is already in session.")
        : null);

    public static RuleViolation? InSession(Meeting m) => NotEnded(m) ?? (m.IsOpen
        ? null
        : new RuleViolation("meeting-not-open", $"Meeting {m.Reference} has not been opened."));

    public static RuleViolation? OpenItem(Meeting m, int item) =>
        m.Item(item) is null ? new RuleViolation("no-such-item", $"Meeting {m.Reference} has no agenda item {item}.")
        : m.IsResolved(item) ? new RuleViolation("item-resolved", $"Item {item} of meeting {m.Reference} was already put to the vote.")
        : null;

    public static RuleViolation? Sits(Meeting m, string personnelNumber) =>
        m.Sitting(personnelNumber) is { Votes: true }
            ? null
            : new RuleViolation("not-a-voting-member", $"{personnelNumber} is not a voting member of the commission on {m.HeldOn:yyyy-MM-dd}.");
}
