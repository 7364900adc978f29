namespace Cases.Domain.Sanctions;

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
