namespace Cases.Domain.Sanctions;

public sealed record LiftSanction(long ExpectedVersion, string LiftedBy, string Reason, DateOnly? LiftedOn = null);

public static class LiftSanctionDecision
{
    /// <summary>
    /// Art. 66(5): lifted early, judged on the lifting's date against the sanction's period (art. 66(4)), however late
    /// it is entered and whatever the service has recorded by itself meanwhile.
    /// </summary>
    public static RuleViolation? Check(LiftSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => state.Type == SanctionType.Dismissal
            ? new RuleViolation("dismissal-not-liftable", "A dismissal is not lifted; it can only be overturned on appeal.")
            : null,
        () => SanctionRulesOf.NotLifted(state),
        () => SanctionRulesOf.NotBeforeOrder(state, LiftedOn(command, now), "lifting"),
        () => SanctionRulesOf.InForceOn(state, LiftedOn(command, now), "lifting"));

    /// <summary>
    /// The lifting; preceded by the retraction of the expiry the service recorded when the lifting, entered after it, is
    /// dated before it: the history keeps what was recorded and shows what is now known.
    /// </summary>
    public static IReadOnlyList<object> Decide(LiftSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        var on = LiftedOn(command, now);
        var lifted = new SanctionLifted(state.Id, state.PersonnelNumber, on, command.LiftedBy.Trim(), command.Reason.Trim());
        return state.ExpiredOn is { } expired && on < expired
            ? [new SanctionExpiryRetracted(state.Id, state.PersonnelNumber, expired, on,
                $"Lifted on {on:yyyy-MM-dd}, before the expiry recorded on {expired:yyyy-MM-dd} (art. 66(5))."), lifted]
            : [lifted];
    }

    private static DateOnly LiftedOn(LiftSanction command, DateTimeOffset now) => command.LiftedOn ?? Rules.Today(now);
}
