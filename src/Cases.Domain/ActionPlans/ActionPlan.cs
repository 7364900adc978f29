namespace Cases.Domain.ActionPlans;

/// <summary>A body's report on a reporting period of an ongoing item, by the period's first day.</summary>
public sealed record PeriodReported(ResponsibleBody Body, DateOnly PeriodFrom);

/// <summary>The state of one item the rules judge by: its bodies, its term, and who has reported what.</summary>
public sealed record PlanItemState(int Number, IReadOnlyList<ResponsibleBody> Responsible, Term Term, DateOnly AddedOn)
{
    public IReadOnlyList<ResponsibleBody> ExecutedBy { get; init; } = [];
    public IReadOnlyList<PeriodReported> PeriodsReported { get; init; } = [];
}

/// <summary>The write model of one plan's stream. Immutable.</summary>
public sealed partial record ActionPlan
{
    public Guid Id { get; init; }
    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    public DateOnly ApprovedOn { get; init; }
    public IReadOnlyList<PlanItemState> Items { get; init; } = [];

    public PlanItemState? Item(int number) => Items.FirstOrDefault(i => i.Number == number);

    public static ActionPlan Create(ActionPlanAdopted e) =>
        new() { Id = e.PlanId, PeriodFrom = e.PeriodFrom, PeriodTo = e.PeriodTo, ApprovedOn = e.ApprovedOn };

    public ActionPlan Apply(PlanItemAdded e) => this with { Items = [.. Items, new PlanItemState(e.Number, e.Responsible, e.Term, e.AddedOn)] };

    public ActionPlan Apply(PlanItemReported e) => this with
    {
        Items =
        [
            .. Items.Select(i => i.Number != e.ItemNumber ? i
                : e.PeriodFrom is { } from ? i with { PeriodsReported = [.. i.PeriodsReported, new PeriodReported(e.Body, from)] }
                : e.Progress == PlanItemProgress.Executed ? i with { ExecutedBy = [.. i.ExecutedBy, e.Body] }
                : i)
        ]
    };
}
