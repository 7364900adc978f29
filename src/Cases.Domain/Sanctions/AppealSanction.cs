namespace Cases.Domain.Sanctions;

public sealed record AppealSanction(long ExpectedVersion, string Authority, DateOnly? FiledOn = null);

public static class AppealSanctionDecision
{
    public static RuleViolation? Check(AppealSanction command, Sanction state, DateTimeOffset now) => Rules.First(
        () => SanctionRulesOf.NotVoid(state),
        () => state.AppealPending ? new RuleViolation("appeal-pending", "An appeal against this sanction awaits its decision.") : null,
        () => SanctionRulesOf.NotBeforeOrder(state, command.FiledOn ?? Rules.Today(now), "appeal"),
        // A further appeal, entered late, follows the decision on the one before it.
        () => state.AppealDecidedOn is { } decided ? Rules.NotBefore(command.FiledOn ?? Rules.Today(now), decided, "appeal", "appeal decision") : null);

    public static SanctionAppealed Decide(AppealSanction command, Sanction state, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new SanctionAppealed(state.Id, state.PersonnelNumber, command.FiledOn ?? Rules.Today(now), command.Authority.Trim());
    }
}
