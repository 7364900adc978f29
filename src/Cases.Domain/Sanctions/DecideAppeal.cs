namespace Cases.Domain.Sanctions;

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
        () => SanctionRulesOf.NotBeforeOrder(state, command.DecidedOn ?? Rules.Today(now), "appeal decision"),
        () => Rules.NotBefore(command.DecidedOn ?? Rules.Today(now), state.AppealFiledOn!.Value, "appeal decision", "appeal"));

    public static object Decide(DecideAppeal command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        var on = command.DecidedOn ?? Rules.Today(now);
        return command.Outcome == AppealOutcome.Overturned
            ? new SanctionOverturned(state.Id, state.PersonnelNumber, on)
            : new SanctionUpheld(state.Id, state.PersonnelNumber, on);
    }
}
