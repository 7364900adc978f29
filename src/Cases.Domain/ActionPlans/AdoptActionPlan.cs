namespace Cases.Domain.ActionPlans;

/// <summary>A plan with its items as approved; its period as dates, or as its first and last year ("for 2018-2020").</summary>
public sealed record AdoptActionPlan(string Title, string ApprovedBy, DateOnly ApprovedOn, string? Implements = null, DateOnly? PeriodFrom = null,
    DateOnly? PeriodTo = null, int? FirstYear = null, int? LastYear = null, IReadOnlyList<PlanItemDraft>? Items = null)
{
    public DateOnly From => PeriodFrom ?? new DateOnly(FirstYear!.Value, 1, 1);
    public DateOnly To => PeriodTo ?? new DateOnly(LastYear!.Value, 12, 31);
}

public static class AdoptActionPlanDecision
{
    /// <summary>The plan's items are judged as if added one by one on the day it was approved.</summary>
    public static RuleViolation? Check(AdoptActionPlan command) => Adopt(command, Guid.Empty).Violation;

    public static IReadOnlyList<object> Decide(AdoptActionPlan command, Guid planId)
    {
        var (events, violation) = Adopt(command, planId);
        Rules.Ensure(violation);
        return events;
    }

    private static (IReadOnlyList<object> Events, RuleViolation? Violation) Adopt(AdoptActionPlan command, Guid planId)
    {
        var adopted = new ActionPlanAdopted(planId, command.Title.Trim(), command.Implements?.Trim() is { Length: > 0 } implements ? implements : null,
            command.From, command.To, command.ApprovedBy.Trim(), command.ApprovedOn);
        var plan = ActionPlan.Create(adopted);
        var events = new List<object> { adopted };
        foreach (var draft in command.Items ?? [])
        {
            if (AddPlanItemDecision.CheckItem(draft, plan, command.ApprovedOn) is { } violation) return (events, violation);
            var added = AddPlanItemDecision.Item(draft, plan, command.ApprovedOn);
            plan = plan.Apply(added);
            events.Add(added);
        }
        return (events, null);
    }
}
