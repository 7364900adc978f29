namespace Cases.Domain.Cases;

/// <summary>Guards shared by most case decisions.</summary>
public static class CaseRules
{
    public static RuleViolation? NotClosed(Case c) =>
        c.IsClosed ? new RuleViolation("case-closed", $"Case {c.Number} is closed; reopen it first.") : null;

    public static RuleViolation? UnderInvestigation(Case c) =>
        c.HasInvestigator
            ? null
            : new RuleViolation("case-not-under-investigation", $"Case {c.Number} has no investigator assigned yet.");

    public static RuleViolation? NotBeforeReceipt(Case c, DateOnly date, string what) =>
        Rules.NotBefore(date, c.ReceivedOn, what, "receipt");
}
