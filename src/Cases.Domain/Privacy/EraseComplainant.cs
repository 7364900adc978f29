using Cases.Domain.Cases;

namespace Cases.Domain.Privacy;

public sealed record EraseComplainant(long ExpectedVersion, string Reason);

public static class EraseComplainantDecision
{
    public static RuleViolation? Check(Case state) => Rules.First(
        () => state.ComplainantErased
            ? new RuleViolation("personal-data-erased", $"The complainant of case {state.Number} was already erased.")
            : null,
        () => state.ComplainantPersonId is null && state.NoticePersonId is null
            ? new RuleViolation("no-encrypted-personal-data",
                $"Case {state.Number} holds no encrypted personal data to erase: its complainant is anonymous, unknown, or was registered before personal data was encrypted.")
            : null);

    public static PersonalDataErased Decide(EraseComplainant command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(state));
        // An anonymous reporter's own key seals only the notice address they left; a named one's seals both.
        return new PersonalDataErased(state.Id, (state.ComplainantPersonId ?? state.NoticePersonId)!.Value, command.Reason.Trim(), Rules.Today(now));
    }
}
