namespace Cases.Domain.Privacy;

/// <summary>
/// Personal data as events keep it: encrypted (AES-GCM, base64) under a key of the person's own, which is kept
/// outside the events and destroyed by an erasure. Without the key the ciphertext says nothing about the person.
/// </summary>
public sealed record SealedPersonalData(Guid PersonId, string Nonce, string Ciphertext);

/// <summary>
/// The complainant's personal data was erased: their key was destroyed in the same transaction. Records why, never
/// what was erased.
/// </summary>
public sealed record PersonalDataErased(Guid CaseId, Guid PersonId, string Reason, DateOnly ErasedOn);

public static class PrivacyEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(PersonalDataErased)] = "personal_data_erased"
    };
}
