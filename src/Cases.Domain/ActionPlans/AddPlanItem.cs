namespace Cases.Domain.ActionPlans;

/// <summary>An item as a request words it, in a new plan or added to one; without a number, the next after the highest.</summary>
public sealed record PlanItemDraft(string Text, IReadOnlyList<ResponsibleBody> Responsible, Term Term, string? Indicator = null, int? Number = null);

public sealed record AddPlanItem(long ExpectedVersion, string Text, IReadOnlyList<ResponsibleBody> Responsible, Term Term, string? Indicator = null,
    int? Number = null, DateOnly? AddedOn = null)
{
    public PlanItemDraft Draft => new(Text, Responsible, Term, Indicator, Number);
}

public static class AddPlanItemDecision
{
    public static RuleViolation? Check(AddPlanItem command, ActionPlan plan, DateTimeOffset now) =>
        CheckItem(command.Draft, plan, AddedOn(command, now));

    /// <summary>
    /// An item is numbered once in its plan, falls due within the plan's period (an ongoing one runs with the plan),
    /// and is added no earlier than the plan was approved.
    /// </summary>
    public static RuleViolation? CheckItem(PlanItemDraft item, ActionPlan plan, DateOnly addedOn) => Rules.First(
        () => item.Number is { } number && plan.Item(number) is not null
            ? new RuleViolation("plan-item-number-taken", $"The plan already has an item {number}.")
            : null,
        () => item.Term.LastDay is { } last && (last < plan.PeriodFrom || last > plan.PeriodTo)
            ? new RuleViolation("term-outside-plan-period",
                $"The item falls due on {last:yyyy-MM-dd}, outside the plan's period {plan.PeriodFrom:yyyy-MM-dd} to {plan.PeriodTo:yyyy-MM-dd}.")
            : null,
        () => Rules.NotBefore(addedOn, plan.ApprovedOn, "item", "approval"));

    public static PlanItemAdded Decide(AddPlanItem command, ActionPlan plan, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, plan, now));
        return Item(command.Draft, plan, AddedOn(command, now));
    }

    public static PlanItemAdded Item(PlanItemDraft item, ActionPlan plan, DateOnly addedOn) => new(
        plan.Id,
        item.Number ?? (plan.Items.Count == 0 ? 1 : plan.Items.Max(i => i.Number) + 1),
        item.Text.Trim(),
        [.. item.Responsible.Select(b => new ResponsibleBody(b.Body.Trim(), b.Organisation?.Trim() is { Length: > 0 } organisation ? organisation : null))],
        item.Term,
        item.Indicator?.Trim() is { Length: > 0 } indicator ? indicator : null,
        addedOn);

    private static DateOnly AddedOn(AddPlanItem command, DateTimeOffset now) => command.AddedOn ?? Rules.Today(now);
}
