namespace Cases.Domain.Cases;

public sealed record RequestExplanation(long ExpectedVersion, string PersonnelNumber, DateOnly? RequestedOn = null);

public static class RequestExplanationDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => Rules.First(
        () => CaseRules.NotClosed(state),
        () => CaseRules.UnderInvestigation(state));

    public static RuleViolation? Check(RequestExplanation command, Case state, DateTimeOffset now) => Rules.First(
        () => Guard(state),
        () => state.Subjects.Contains(command.PersonnelNumber.Trim())
            ? null
            : new RuleViolation("not-a-subject",
                $"Employee {command.PersonnelNumber} is not a subject of case {state.Number}."),
        () => state.PendingExplanations.ContainsKey(command.PersonnelNumber.Trim())
            ? new RuleViolation("explanation-already-requested",
                $"An explanation from employee {command.PersonnelNumber} is already awaited.")
            : null,
        () => CaseRules.NotBeforeReceipt(state, command.RequestedOn ?? Rules.Today(now), "request"));

    public static ExplanationRequested Decide(RequestExplanation command, Case state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new ExplanationRequested(state.Id, command.PersonnelNumber.Trim(), command.RequestedOn ?? Rules.Today(now));
    }
}
