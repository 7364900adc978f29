namespace Cases.Domain.Sanctions;

/// <summary>The type the sanction's order should have been recorded with (say a dismissal stored for two types joined by a comma).</summary>
public sealed record CorrectSanction(long ExpectedVersion, SanctionType Type, string Reason);

public static class CorrectSanctionDecision
{
    /// <summary>
    /// The order always had the corrected type, so the correction is judged on the recorded acts, never on what the
    /// service recorded by itself: a lifted sanction was no dismissal, which is never lifted.
    /// </summary>
    public static RuleViolation? Check(CorrectSanction command, Sanction state) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => command.Type == state.Type ? new RuleViolation("nothing-to-correct", $"The sanction is already a {state.Type}.") : null,
        () => command.Type == SanctionType.Dismissal && state.LiftedOn is { } lifted
            ? new RuleViolation("sanction-not-in-force",
                $"The sanction of {state.OrderDate:yyyy-MM-dd} was lifted on {lifted:yyyy-MM-dd} (art. 66(5)); a dismissal is never lifted.")
            : null);

    private static bool ChangesPeriod(CorrectSanction command, Sanction state) =>
        (command.Type == SanctionType.Dismissal) != (state.Type == SanctionType.Dismissal);

    /// <summary>
    /// The corrected type and the end its period then has (art. 66(4); none for a dismissal). A sanction the service
    /// recorded expired that proves to be a dismissal has that expiry retracted first.
    /// </summary>
    public static IReadOnlyList<object> Decide(CorrectSanction command, Sanction state, StoredValue stored, SanctionRules rules, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state));
        var expiresOn = ChangesPeriod(command, state)
            ? ImposeSanctionDecision.ExpiresOn(command.Type, state.OrderDate, rules)
            : state.ExpiresOn;
        var corrected = new SanctionTypeCorrected(state.Id, state.PersonnelNumber, stored.Sequence, stored.Json, command.Type, expiresOn,
            command.Reason.Trim(), Rules.Today(now));
        return command.Type == SanctionType.Dismissal && state.ExpiredOn is { } expired
            ? [new SanctionExpiryRetracted(state.Id, state.PersonnelNumber, expired, null,
                $"The order was a dismissal, which does not expire (art. 66(4)): {command.Reason.Trim()}"), corrected]
            : [corrected];
    }
}
