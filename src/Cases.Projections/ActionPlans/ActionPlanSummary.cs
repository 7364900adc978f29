using Cases.Domain;
using Cases.Domain.ActionPlans;

namespace Cases.Projections.ActionPlans;

/// <summary>A plan as adopted, its items, and every report on them; what is due or overdue is judged on the day it is read.</summary>
public sealed class ActionPlanSummary : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The plan stream's version; commands on it send it back as their expected version.</summary>
    public long Version { get; set; }

    public string Title { get; set; } = "";
    public string? Implements { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string ApprovedBy { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
    public List<PlanItem> Items { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>Every body's obligations under every item, in item order.</summary>
    /// <summary>What the plan's items in force by <paramref name="reportedBy"/> owe, with the reports made by then (all, when not given).</summary>
    public IEnumerable<PlanObligation> Obligations(DateOnly? reportedBy = null) =>
        Items.Where(i => reportedBy is null || i.AddedOn <= reportedBy).SelectMany(i => i.Obligations(this, reportedBy));
}

/// <summary>A numbered item and the reports on it, in the order they were made.</summary>
public sealed class PlanItem
{
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public List<ResponsibleBody> Responsible { get; set; } = [];
    public Term Term { get; set; } = Term.InYear(Term.FirstYear);
    public string? Indicator { get; set; }
    public DateOnly AddedOn { get; set; }
    public List<PlanItemReport> Reports { get; set; } = [];

    /// <summary>What each responsible body owes, with the reports made by <paramref name="reportedBy"/> (all, when not given).</summary>
    public IEnumerable<PlanObligation> Obligations(ActionPlanSummary plan, DateOnly? reportedBy = null) => PlanObligations.Of(Number, Term, AddedOn,
        plan.PeriodFrom, plan.PeriodTo, Responsible, [
            .. Reports.Where(r => reportedBy is null || r.ReportedOn <= reportedBy)
                .Select(r => new ItemReport(new ResponsibleBody(r.Body, r.Organisation), r.Progress, r.ReportedOn, r.PeriodFrom))
        ]);
}

public sealed class PlanItemReport
{
    public string Body { get; set; } = "";
    public string? Organisation { get; set; }
    public PlanItemProgress Progress { get; set; }
    public string Report { get; set; } = "";
    public DateOnly ReportedOn { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
}

public sealed partial class ActionPlanSummaryProjection : ChangeTrackedProjection<ActionPlanSummary>
{
    public ActionPlanSummary Create(ActionPlanAdopted e) => new()
    {
        Id = e.PlanId,
        Title = e.Title,
        Implements = e.Implements,
        PeriodFrom = e.PeriodFrom,
        PeriodTo = e.PeriodTo,
        ApprovedBy = e.ApprovedBy,
        ApprovedOn = e.ApprovedOn
    };

    public void Apply(PlanItemAdded e, ActionPlanSummary view) => view.Items.Add(new PlanItem
    {
        Number = e.Number,
        Text = e.Text,
        Responsible = [.. e.Responsible],
        Term = e.Term,
        Indicator = e.Indicator,
        AddedOn = e.AddedOn
    });

    public void Apply(PlanItemReported e, ActionPlanSummary view) => view.Items.Find(i => i.Number == e.ItemNumber)?.Reports.Add(new PlanItemReport
    {
        Body = e.Body.Body,
        Organisation = e.Body.Organisation,
        Progress = e.Progress,
        Report = e.Report,
        ReportedOn = e.ReportedOn,
        PeriodFrom = e.PeriodFrom,
        PeriodTo = e.PeriodTo
    });
}
