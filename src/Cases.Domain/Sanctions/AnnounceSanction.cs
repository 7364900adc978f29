namespace Cases.Domain.Sanctions;

/// <summary>
/// Art. 65(5): the order announced against signature; <see cref="SignatureRefused"/> when the refusal to sign is noted on
/// it, or <see cref="ByRegisteredLetter"/> when the employee could not be acquainted with it in person and a copy went
/// by registered letter with notice of delivery (the letter's date is the announcement's).
/// </summary>
public sealed record AnnounceSanction(long ExpectedVersion, DateOnly? AnnouncedOn = null, bool SignatureRefused = false, bool ByRegisteredLetter = false);

public static class AnnounceSanctionDecision
{
    public static RuleViolation? Check(AnnounceSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => state.IsAnnounced ? new RuleViolation("sanction-already-announced", $"The order was announced on {state.AnnouncedOn:yyyy-MM-dd}.") : null,
        () => SanctionRulesOf.NotBeforeOrder(state, command.AnnouncedOn ?? Rules.Today(now), "announcement"));

    public static SanctionAnnounced Decide(AnnounceSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SanctionAnnounced(state.Id, state.PersonnelNumber, command.AnnouncedOn ?? Rules.Today(now), command.SignatureRefused,
            command.ByRegisteredLetter);
    }
}
