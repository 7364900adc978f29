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

public sealed record AppealSanction(long ExpectedVersion, string Authority, DateOnly? FiledOn = null);

public static class AppealSanctionDecision
{
    public static RuleViolation? Check(AppealSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => state.AppealPending ? new RuleViolation("appeal-pending", "An appeal against this sanction awaits its decision.") : null,
        () => SanctionRulesOf.NotBeforeOrder(state, command.FiledOn ?? Rules.Today(now), "appeal"));

    public static SanctionAppealed Decide(AppealSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SanctionAppealed(state.Id, state.PersonnelNumber, command.FiledOn ?? Rules.Today(now), command.Authority.Trim());
    }
}

public enum AppealOutcome
{
    Upheld,
    Overturned
}

/// <summary>The appeal's outcome: the sanction is upheld, or overturned and void from the start.</summary>
public sealed record DecideAppeal(long ExpectedVersion, AppealOutcome Outcome, DateOnly? DecidedOn = null);

public static class DecideAppealDecision
{
    public static RuleViolation? Check(DecideAppeal command, Sanction state, DateTimeOffset now) => Rules.First(
        () => state.AppealPending ? null : new RuleViolation("no-appeal-pending", "No appeal against this sanction awaits a decision."),
        () => SanctionRulesOf.NotBeforeOrder(state, command.DecidedOn ?? Rules.Today(now), "appeal decision"));

    public static object Decide(DecideAppeal command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        var on = command.DecidedOn ?? Rules.Today(now);
        return command.Outcome == AppealOutcome.Overturned
            ? new SanctionOverturned(state.Id, state.PersonnelNumber, on)
            : new SanctionUpheld(state.Id, state.PersonnelNumber, on);
    }
}

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

/// <summary>The message that comes back on the day a sanction's period runs out.</summary>
public sealed record SanctionExpiryDue(Guid SanctionId, DateOnly ExpiresOn);

public static class SanctionExpiry
{
    /// <summary>Expired once its day has come, unless it ended otherwise or an absence moved the day since.</summary>
    public static SanctionExpired? Decide(SanctionExpiryDue due, Sanction state, DateTimeOffset now) =>
        StillAwaited(due, state) && Rules.Today(now) >= due.ExpiresOn
            ? new SanctionExpired(state.Id, state.PersonnelNumber, due.ExpiresOn)
            : null;

    public static bool StillAwaited(SanctionExpiryDue due, Sanction state) => state.IsActive && state.ExpiresOn == due.ExpiresOn;

    /// <summary>
    /// The new end of a sanction's period once the employee's absences changed, if it moved: for one in force, and for
    /// one that expired too early because an absence inside its period was recorded only afterwards.
    /// </summary>
    public static SanctionExpiryMoved? Recompute(Sanction state, IReadOnlyList<Employees.Absence> absences, SanctionRules rules) =>
        ImposeSanctionDecision.ExpiresOn(state.Type, state.OrderDate, absences, rules) is { } expires && expires != state.ExpiresOn
        && (state.IsActive || (state.Status == SanctionStatus.Expired && expires > state.ExpiresOn))
            ? new SanctionExpiryMoved(state.Id, state.PersonnelNumber, expires)
            : null;
}
