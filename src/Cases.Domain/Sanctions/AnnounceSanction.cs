namespace Cases.Domain.Sanctions;

public sealed record AnnounceSanction(long ExpectedVersion, DateOnly? AnnouncedOn = null, bool SignatureRefused = false);

public static class AnnounceSanctionDecision
{
    public static RuleViolation? Check(AnnounceSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => state.IsAnnounced ? new RuleViolation("sanction-already-announced", $"The order was announced on {state.AnnouncedOn:yyyy-MM-dd}.") : null,
        () => SanctionRulesOf.NotBeforeOrder(state, command.AnnouncedOn ?? Rules.Today(now), "announcement"));

    public static SanctionAnnounced Decide(AnnounceSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SanctionAnnounced(state.Id, state.PersonnelNumber, command.AnnouncedOn ?? Rules.Today(now), command.SignatureRefused);
    }
}
