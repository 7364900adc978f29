namespace Cases.Domain.Sanctions;

/// <summary>The message that comes back on the day a sanction's period runs out.</summary>
public sealed record SanctionExpiryDue(Guid SanctionId, DateOnly ExpiresOn);

public static class SanctionExpiry
{
    /// <summary>Expired once its day has come, unless it ended otherwise or its period was corrected or restated since.</summary>
    public static SanctionExpired? Decide(SanctionExpiryDue due, Sanction state, DateTimeOffset now) =>
        StillAwaited(due, state) && Rules.Today(now) >= due.ExpiresOn
            ? new SanctionExpired(state.Id, state.PersonnelNumber, due.ExpiresOn)
            : null;

    public static bool StillAwaited(SanctionExpiryDue due, Sanction state) => state.IsActive && state.ExpiresOn == due.ExpiresOn;
}
