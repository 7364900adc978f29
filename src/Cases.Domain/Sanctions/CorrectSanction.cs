using Cases.Domain.Employees;

namespace Cases.Domain.Sanctions;

/// <summary>The type the sanction's order should have been recorded with (say a dismissal stored for two types joined by a comma).</summary>
public sealed record CorrectSanction(long ExpectedVersion, SanctionType Type, string Reason);

public static class CorrectSanctionDecision
{
    public static RuleViolation? Check(CorrectSanction command, Sanction state) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => command.Type == state.Type ? new RuleViolation("nothing-to-correct", $"The sanction is already a {state.Type}.") : null,
        // A dismissal has no period: becoming one, or ceasing to be one, changes when the sanction ends.
        () => ChangesPeriod(command, state) ? SanctionRulesOf.InForce(state) : null);

    private static bool ChangesPeriod(CorrectSanction command, Sanction state) =>
        (command.Type == SanctionType.Dismissal) != (state.Type == SanctionType.Dismissal);

    /// <summary>The corrected type, and the end its period then has on the employee's absences as they stand.</summary>
    public static SanctionTypeCorrected Decide(CorrectSanction command, Sanction state, StoredValue stored, IReadOnlyList<Absence> absences,
        SanctionRules rules, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state));
        var expiresOn = ChangesPeriod(command, state)
            ? ImposeSanctionDecision.ExpiresOn(command.Type, state.OrderDate, absences, rules)
            : state.ExpiresOn;
        return new SanctionTypeCorrected(state.Id, state.PersonnelNumber, stored.Sequence, stored.Json, command.Type, expiresOn,
            command.Reason.Trim(), Rules.Today(now));
    }
}
