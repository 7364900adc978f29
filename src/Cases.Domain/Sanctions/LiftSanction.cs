namespace Cases.Domain.Sanctions;

public sealed record LiftSanction(long ExpectedVersion, string LiftedBy, string Reason, DateOnly? LiftedOn = null);

public static class LiftSanctionDecision
{
    public static RuleViolation? Check(LiftSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.InForce(state),
        () => state.Type == SanctionType.Dismissal
            ? new RuleViolation("dismissal-not-liftable", "A dismissal is not lifted; it can only be overturned on appeal.")
            : null,
        () => SanctionRulesOf.NotBeforeOrder(state, command.LiftedOn ?? Rules.Today(now), "lifting"));

    public static SanctionLifted Decide(LiftSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SanctionLifted(state.Id, state.PersonnelNumber, command.LiftedOn ?? Rules.Today(now), command.LiftedBy.Trim(), command.Reason.Trim());
    }
}
