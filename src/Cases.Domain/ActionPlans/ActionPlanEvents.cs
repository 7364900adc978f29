namespace Cases.Domain.ActionPlans;

/// <summary>
/// A body an item makes responsible: a department of the plan's own organisation, or a body of another organisation
/// (a district akimat) named with that organisation's code.
/// </summary>
public sealed record ResponsibleBody(string Body, string? Organisation = null)
{
    public override string ToString() => Organisation is null ? Body : $"{Body} ({Organisation})";
}

/// <summary>
/// A plan adopted: what it is called, what it implements (a strategy), the period it runs over, and who approved it
/// on what day. Its items follow as events of their own.
/// </summary>
public sealed record ActionPlanAdopted(Guid PlanId, string Title, string? Implements, DateOnly PeriodFrom, DateOnly PeriodTo, string ApprovedBy,
    DateOnly ApprovedOn);

/// <summary>A numbered item of a plan: what is to be done, by whom, by when (its term), and the result expected of it.</summary>
public sealed record PlanItemAdded(Guid PlanId, int Number, string Text, IReadOnlyList<ResponsibleBody> Responsible, Term Term, string? Indicator,
    DateOnly AddedOn);

public enum PlanItemProgress
{
    Executed,
    PartiallyExecuted,
    NotExecuted
}

/// <summary>
/// One responsible body's report on an item as of a day; for an item on an ongoing basis, the reporting period it
/// covers (<see cref="PeriodFrom"/> to <see cref="PeriodTo"/>).
/// </summary>
public sealed record PlanItemReported(Guid PlanId, int ItemNumber, ResponsibleBody Body, PlanItemProgress Progress, string Report, DateOnly ReportedOn,
    DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null);

public static class ActionPlanEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(ActionPlanAdopted)] = "action_plan_adopted",
        [typeof(PlanItemAdded)] = "plan_item_added",
        [typeof(PlanItemReported)] = "plan_item_reported"
    };
}
