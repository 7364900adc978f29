namespace Cases.Domain.Privacy;

/// <summary>
/// Personal data as events keep it: encrypted (AES-GCM, base64) under a key of the person's own, which is kept
/// outside the events and destroyed by an erasure. Without the key the ciphertext says nothing about the person.
/// </summary>
public sealed record SealedPersonalData(Guid PersonId, string Nonce, string Ciphertext);

/// <summary>
/// The complainant's personal data was erased: their key was destroyed in the same transaction, and
/// <see cref="NoticePersonId"/>'s, the key of the reporter's latest notice address, when it is another. Records why,
/// never what was erased. Erasures stored before notice addresses had keys of their own have none: the notice address
/// was then sealed under <see cref="PersonId"/>.
/// </summary>
public sealed record PersonalDataErased(Guid CaseId, Guid PersonId, string Reason, DateOnly ErasedOn, Guid? NoticePersonId = null);

public static class PrivacyEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(PersonalDataErased)] = "personal_data_erased"
    };
}
