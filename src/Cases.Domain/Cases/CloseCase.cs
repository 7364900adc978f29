namespace Cases.Domain.Cases;

public sealed record CloseCase(long ExpectedVersion, CaseOutcome Outcome, string Summary, DateOnly? ClosedOn = null);

public static class CloseCaseDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) =>
        state.IsClosed ? new RuleViolation("case-already-closed", $"Case {state.Number} is already closed.") : null;

    public static RuleViolation? Check(CloseCase command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => OutcomeMatchesFinding(command.Outcome, state),
        () => CaseRules.NotBeforeReceipt(state, command.ClosedOn ?? Rules.Today(now), "closing"));

    /// <summary>An outcome that states a violation (or its absence) must rest on a finding saying so.</summary>
    private static RuleViolation? OutcomeMatchesFinding(CaseOutcome outcome, Case state) => outcome switch
    {
        CaseOutcome.ViolationConfirmed when state.ViolationFound != true => new RuleViolation("outcome-needs-finding",
            $"Case {state.Number} can be closed as violation-confirmed only after a finding of violation."),
        CaseOutcome.NoViolationFound when state.ViolationFound != false => new RuleViolation("outcome-needs-finding",
            $"Case {state.Number} can be closed as no-violation-found only after a finding of no violation."),
        _ => null
    };

    public static CaseClosed Decide(CloseCase command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new CaseClosed(state.Id, command.Outcome, command.Summary.Trim(), command.ClosedOn ?? Rules.Today(now));
    }
}
