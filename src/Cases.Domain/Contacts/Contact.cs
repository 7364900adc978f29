using Cases.Domain.Cases;

namespace Cases.Domain.Contacts;

/// <summary>
/// A call, message or visit the intake handled, whether or not it became a case: what makes "200-250 calls every day,
/// none about corruption" a figure rather than a guess.
/// </summary>
public sealed record ContactRecorded(Guid ContactId, Channel Channel, string Topic, bool CorruptionRelated, Guid? CaseId, DateOnly ContactedOn);

public sealed record RecordContact(Channel Channel, string Topic, bool CorruptionRelated, DateOnly? ContactedOn = null, Guid? CaseId = null);

public static class RecordContactDecision
{
    public static ContactRecorded Decide(RecordContact command, Guid contactId, DateTimeOffset now) =>
        new(contactId, command.Channel, command.Topic.Trim(), command.CorruptionRelated, command.CaseId, command.ContactedOn ?? Rules.Today(now));
}

public static class ContactEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(ContactRecorded)] = "contact_recorded"
    };
}
