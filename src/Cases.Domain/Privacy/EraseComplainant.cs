using Cases.Domain.Cases;

namespace Cases.Domain.Privacy;

public sealed record EraseComplainant(long ExpectedVersion, string Reason);

public static class EraseComplainantDecision
{
    public static RuleViolation? Check(Case state) => Rules.First(
        () => state.ComplainantErased
            ? new RuleViolation("personal-data-erased", $"The complainant of case {state.Number} was already erased.")
            : null,
        () => state.ComplainantPersonId is null && (state.NoticePersonId is null || !state.NoIdentityInClear)
            ? new RuleViolation("no-encrypted-personal-data",
                $"Case {state.Number} holds no encrypted personal data to erase: its complainant is anonymous, unknown, or was registered before personal data was encrypted, with their identity in clear.")
            : null);

    /// <summary>
    /// The complainant's key and the key of their latest notice address are destroyed. A complainant named in clear
    /// (registered before encryption) is refused even when a notice address of theirs is sealed: destroying its key
    /// alone would record as erased a name that still reads; the reporter's removal of the address shreds it.
    /// </summary>
    public static PersonalDataErased Decide(EraseComplainant command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(state));
        // An anonymous reporter's only key is their notice address's.
        var personId = (state.ComplainantPersonId ?? state.NoticePersonId)!.Value;
        return new PersonalDataErased(state.Id, personId, command.Reason.Trim(), Rules.Today(now),
            state.NoticePersonId is { } notice && notice != personId ? notice : null);
    }
}
