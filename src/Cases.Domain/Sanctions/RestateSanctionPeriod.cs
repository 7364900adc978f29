namespace Cases.Domain.Sanctions;

/// <summary>
/// The upgrade to art. 66(4): a sanction's period, which the former reading let absences extend, is restated as months
/// from its order alone. Only new events mend it; the stored ones stay as they were.
/// </summary>
public static class RestateSanctionPeriod
{
    /// <summary>
    /// Nothing for a sanction whose period already is the statutory one, or that has none to restate (overturned, a
    /// dismissal); else the restatement, and its expiry when the restated day has come for a sanction still active.
    /// </summary>
    public static IReadOnlyList<object> Decide(Sanction state, SanctionRules rules, DateTimeOffset now)
    {
        if (state.IsVoid || ImposeSanctionDecision.ExpiresOn(state.Type, state.OrderDate, rules) is not { } statutory
            || statutory == state.ExpiresOn) return [];
        var restated = new SanctionPeriodRestated(state.Id, state.PersonnelNumber, statutory, state.ExpiresOn,
            $"In force {rules.MonthsInForce} months from the order of {state.OrderDate:yyyy-MM-dd}, which absences do not extend (art. 66(4)).");
        return state.Apply(restated).IsActive && Rules.Today(now) >= statutory
            ? [restated, new SanctionExpired(state.Id, state.PersonnelNumber, statutory)]
            : [restated];
    }
}
