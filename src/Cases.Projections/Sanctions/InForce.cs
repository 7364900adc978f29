using Cases.Domain.Sanctions;

namespace Cases.Projections.Sanctions;

/// <summary>Whether a sanction was in force on a given day, from its business dates alone.</summary>
public static class InForce
{
    /// <summary>
    /// In force on <paramref name="day"/> (art. 52(1)(16) asks it of the day of a new misconduct): not overturned, ordered
    /// on or before the day, the day before <see cref="SanctionSummary.ExpiresOn"/> (the first day no longer in force)
    /// and not lifted on or before it. The end comes from the dates, not from whether the service recorded an expiry yet.
    /// </summary>
    public static bool InForceOn(this SanctionSummary sanction, DateOnly day) =>
        Sanction.InForceOn(day, sanction.Status == SanctionStatus.Overturned, sanction.OrderDate, sanction.ExpiresOn,
            sanction.Status == SanctionStatus.Lifted ? sanction.EndedOn : null);
}
