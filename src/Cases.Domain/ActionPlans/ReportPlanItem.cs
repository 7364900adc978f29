namespace Cases.Domain.ActionPlans;

/// <summary>
/// A responsible body's report on an item. For an ongoing item it covers a reporting period: the one given, or the
/// one the report is dated in.
/// </summary>
public sealed record ReportPlanItem(long ExpectedVersion, string Body, PlanItemProgress Progress, string Report, DateOnly ReportedOn,
    string? Organisation = null, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null)
{
    public ResponsibleBody Reporter => new(Body.Trim(), Organisation?.Trim() is { Length: > 0 } organisation ? organisation : null);
}

public static class ReportPlanItemDecision
{
    /// <summary>
    /// Only a body the item makes responsible reports, from the day the item was added. An item with a deadline is
    /// reported on until that body has executed it; an ongoing one once per body and reporting period, a period of the
    /// item's rhythm that has begun by the report and lies within the item's run (from its addition to the plan's end).
    /// </summary>
    public static RuleViolation? Check(ReportPlanItem command, ActionPlan plan, PlanItemState item)
    {
        var body = command.Reporter;
        return Rules.First(
            () => item.Responsible.Contains(body)
                ? null
                : new RuleViolation("body-not-responsible",
                    $"Item {item.Number} makes {string.Join("; ", item.Responsible)} responsible, not {body}."),
            () => Rules.NotBefore(command.ReportedOn, item.AddedOn, "report", "item"),
            () => item.Term.Kind == TermKind.Ongoing ? CheckPeriod(command, plan, item, body) : CheckDeadline(command, item, body));
    }

    private static RuleViolation? CheckDeadline(ReportPlanItem command, PlanItemState item, ResponsibleBody body) => Rules.First(
        () => command.PeriodFrom is not null
            ? new RuleViolation("not-a-reporting-period", $"Item {item.Number} is due by {item.Term.LastDay:yyyy-MM-dd}; it has no reporting periods.")
            : null,
        () => item.ExecutedBy.Contains(body)
            ? new RuleViolation("item-already-executed", $"{body} has reported item {item.Number} executed.")
            : null);

    private static RuleViolation? CheckPeriod(ReportPlanItem command, ActionPlan plan, PlanItemState item, ResponsibleBody body)
    {
        var (from, to) = Period(command, item);
        var first = PlanObligations.FirstPeriod(item.Term, item.AddedOn, plan.PeriodFrom);
        return Rules.First(
            () => command.PeriodFrom is not null && (from, to) != (command.PeriodFrom, command.PeriodTo)
                ? new RuleViolation("not-a-reporting-period",
                    $"Item {item.Number} is reported {item.Term.Reporting}; {command.PeriodFrom:yyyy-MM-dd} to {command.PeriodTo:yyyy-MM-dd} is not one of its periods.")
                : null,
            () => from < first.From || from > plan.PeriodTo
                ? new RuleViolation("period-outside-item",
                    $"Item {item.Number} is reported on for the periods from {first.From:yyyy-MM-dd} to the plan's end on {plan.PeriodTo:yyyy-MM-dd}.")
                : null,
            () => Rules.NotBefore(command.ReportedOn, from, "report", "period"),
            () => item.PeriodsReported.Contains(new PeriodReported(body, from))
                ? new RuleViolation("period-already-reported", $"{body} has reported on item {item.Number} for {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.")
                : null);
    }

    public static PlanItemReported Decide(ReportPlanItem command, ActionPlan plan, PlanItemState item)
    {
        Rules.Ensure(Check(command, plan, item));
        var period = item.Term.Kind == TermKind.Ongoing ? Period(command, item) : ((DateOnly From, DateOnly To)?)null;
        return new PlanItemReported(plan.Id, item.Number, command.Reporter, command.Progress, command.Report.Trim(), command.ReportedOn,
            period?.From, period?.To);
    }

    private static (DateOnly From, DateOnly To) Period(ReportPlanItem command, PlanItemState item) =>
        item.Term.ReportingPeriodOf(command.PeriodFrom ?? command.ReportedOn);
}
