using Cases.Domain.ActionPlans;

namespace Cases.Domain.Tests.ActionPlans;

/// <summary>
/// The regional plan of activities for 2018-2020 implementing the Anti-Corruption Strategy 2015-2025 (seed 001),
/// approved on 20 December 2017: item 1 due in the first half of 2018 by the health department and the Ekibastuz
/// akimat, item 2 on an ongoing basis with a report every half-year by the health department.
/// </summary>
public static class ActionPlanHistory
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2018, 7, 10, 10, 0, 0, TimeSpan.FromHours(6));
    public static readonly ResponsibleBody Health = new("Health department");
    public static readonly ResponsibleBody Ekibastuz = new("Akimat of Ekibastuz", "ekibastuz");

    public static readonly AdoptActionPlan Adopt = new(" Regional plan of activities for 2018-2020 ", "Akim of the oblast", new DateOnly(2017, 12, 20),
        "Anti-Corruption Strategy of the Republic of Kazakhstan for 2015-2025", FirstYear: 2018, LastYear: 2020, Items:
        [
            new PlanItemDraft("Publish the procedures for issuing permits", [Health, new ResponsibleBody(" Akimat of Ekibastuz ", " ekibastuz ")],
                Term.InHalfYear(2018, 1), "Procedures on the websites", 1),
            new PlanItemDraft("Hold anti-corruption monitoring of public services", [Health], Term.Ongoing(ReportingRhythm.HalfYearly))
        ]);

    public static IReadOnlyList<object> Adopted => AdoptActionPlanDecision.Decide(Adopt, Id);

    public static ActionPlan Of(params object[] more) => History.Of<ActionPlan>([.. Adopted, .. more]);

    public static PlanItemReported Report(int item, ResponsibleBody body, PlanItemProgress progress, string on, string? periodFrom = null,
        string? periodTo = null) =>
        new(Id, item, body, progress, "Done", DateOnly.Parse(on), periodFrom is null ? null : DateOnly.Parse(periodFrom),
            periodTo is null ? null : DateOnly.Parse(periodTo));
}

public class adopting_an_action_plan
{
    [Fact]
    public void the_plan_and_its_items_are_adopted_together_the_items_numbered_in_order()
    {
        var events = ActionPlanHistory.Adopted;
        var adopted = events[0].ShouldBeOfType<ActionPlanAdopted>();
        (adopted.Title, adopted.PeriodFrom, adopted.PeriodTo).ShouldBe(("Regional plan of activities for 2018-2020", new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31)));
        var items = events.Skip(1).Cast<PlanItemAdded>().ToArray();
        items.Select(i => i.Number).ShouldBe([1, 2]);
        items[0].Responsible[1].ShouldBe(ActionPlanHistory.Ekibastuz);
        items.ShouldAllBe(i => i.AddedOn == new DateOnly(2017, 12, 20));
    }

    [Fact]
    public void an_item_number_is_given_once()
    {
        var twice = ActionPlanHistory.Adopt with { Items = [.. ActionPlanHistory.Adopt.Items!, new PlanItemDraft("Again", [ActionPlanHistory.Health], Term.InYear(2019), Number: 2)] };
        AdoptActionPlanDecision.Check(twice)!.Rule.ShouldBe("plan-item-number-taken");
        AdoptActionPlanDecision.Check(ActionPlanHistory.Adopt).ShouldBeNull();
    }

    [Fact]
    public void an_item_falls_due_within_the_plans_period()
    {
        var late = ActionPlanHistory.Adopt with { Items = [new PlanItemDraft("Late", [ActionPlanHistory.Health], Term.InQuarter(2021, 1))] };
        AdoptActionPlanDecision.Check(late)!.Rule.ShouldBe("term-outside-plan-period");
        var early = ActionPlanHistory.Adopt with { Items = [new PlanItemDraft("Early", [ActionPlanHistory.Health], Term.By(new DateOnly(2017, 12, 31)))] };
        AdoptActionPlanDecision.Check(early)!.Rule.ShouldBe("term-outside-plan-period");
    }
}

public class adding_a_plan_item
{
    private static AddPlanItem Item(int? number = null, Term? term = null, string on = "2018-03-01") =>
        new(3, "Train the civil servants", [ActionPlanHistory.Health], term ?? Term.InYear(2019), "200 trained", number, DateOnly.Parse(on));

    [Fact]
    public void it_takes_the_next_number_unless_given_a_free_one()
    {
        AddPlanItemDecision.Decide(Item(), ActionPlanHistory.Of(), ActionPlanHistory.Now).Number.ShouldBe(3);
        AddPlanItemDecision.Decide(Item(10), ActionPlanHistory.Of(), ActionPlanHistory.Now).Number.ShouldBe(10);
        AddPlanItemDecision.Check(Item(1), ActionPlanHistory.Of(), ActionPlanHistory.Now)!.Rule.ShouldBe("plan-item-number-taken");
    }

    [Fact]
    public void its_term_ends_within_the_plan_and_an_ongoing_one_runs_with_it()
    {
        AddPlanItemDecision.Check(Item(term: Term.InHalfYear(2021, 1)), ActionPlanHistory.Of(), ActionPlanHistory.Now)!.Rule.ShouldBe("term-outside-plan-period");
        AddPlanItemDecision.Check(Item(term: Term.Ongoing(ReportingRhythm.Quarterly)), ActionPlanHistory.Of(), ActionPlanHistory.Now).ShouldBeNull();
    }

    [Fact]
    public void it_is_added_no_earlier_than_the_plan_was_approved() =>
        AddPlanItemDecision.Check(Item(on: "2017-12-19"), ActionPlanHistory.Of(), ActionPlanHistory.Now)!.Rule.ShouldBe("date-before-approval");
}

public class reporting_on_a_plan_item
{
    private static ReportPlanItem Report(ResponsibleBody body, string on = "2018-06-20", PlanItemProgress progress = PlanItemProgress.Executed,
        string? periodFrom = null, string? periodTo = null) =>
        new(3, body.Body, progress, "Published on the akimat's website", DateOnly.Parse(on), body.Organisation,
            periodFrom is null ? null : DateOnly.Parse(periodFrom), periodTo is null ? null : DateOnly.Parse(periodTo));

    private static RuleViolation? Check(ReportPlanItem report, int item, params object[] history)
    {
        var plan = ActionPlanHistory.Of(history);
        return ReportPlanItemDecision.Check(report, plan, plan.Item(item)!);
    }

    [Fact]
    public void only_a_responsible_body_reports()
    {
        Check(Report(ActionPlanHistory.Ekibastuz), 1).ShouldBeNull();
        Check(Report(new ResponsibleBody("Akimat of Ekibastuz")), 1)!.Rule.ShouldBe("body-not-responsible");
        Check(Report(ActionPlanHistory.Ekibastuz), 2)!.Rule.ShouldBe("body-not-responsible");
    }

    [Fact]
    public void it_reports_from_the_day_the_item_was_added() =>
        Check(Report(ActionPlanHistory.Health, on: "2017-12-19"), 1)!.Rule.ShouldBe("date-before-item");

    [Fact]
    public void an_item_executed_by_a_body_is_not_reported_again_by_it_but_by_the_others()
    {
        var executed = ActionPlanHistory.Report(1, ActionPlanHistory.Health, PlanItemProgress.Executed, "2018-06-01");
        Check(Report(ActionPlanHistory.Health), 1, executed)!.Rule.ShouldBe("item-already-executed");
        Check(Report(ActionPlanHistory.Ekibastuz), 1, executed).ShouldBeNull();
        var partly = ActionPlanHistory.Report(1, ActionPlanHistory.Health, PlanItemProgress.PartiallyExecuted, "2018-06-01");
        Check(Report(ActionPlanHistory.Health), 1, partly).ShouldBeNull();
    }

    [Fact]
    public void an_ongoing_item_is_reported_once_per_body_and_period()
    {
        var decided = ReportPlanItemDecision.Decide(Report(ActionPlanHistory.Health, on: "2018-07-05", periodFrom: "2018-01-01", periodTo: "2018-06-30"),
            ActionPlanHistory.Of(), ActionPlanHistory.Of().Item(2)!);
        (decided.PeriodFrom, decided.PeriodTo).ShouldBe((new DateOnly(2018, 1, 1), new DateOnly(2018, 6, 30)));
        var first = ActionPlanHistory.Report(2, ActionPlanHistory.Health, PlanItemProgress.Executed, "2018-07-05", "2018-01-01", "2018-06-30");
        Check(Report(ActionPlanHistory.Health, on: "2018-07-06", periodFrom: "2018-01-01", periodTo: "2018-06-30"), 2, first)!.Rule.ShouldBe("period-already-reported");
        // Without a period, a report covers the one it is dated in.
        Check(Report(ActionPlanHistory.Health, on: "2018-07-06"), 2, first).ShouldBeNull();
    }

    [Fact]
    public void a_period_is_one_of_the_items_reporting_periods()
    {
        Check(Report(ActionPlanHistory.Health, on: "2018-07-05", periodFrom: "2018-01-01", periodTo: "2018-03-31"), 2)!.Rule.ShouldBe("not-a-reporting-period");
        Check(Report(ActionPlanHistory.Health, periodFrom: "2018-01-01", periodTo: "2018-06-30"), 1)!.Rule.ShouldBe("not-a-reporting-period");
    }

    [Fact]
    public void a_period_lies_within_the_items_run_and_has_begun_by_the_report()
    {
        Check(Report(ActionPlanHistory.Health, on: "2018-01-05", periodFrom: "2017-07-01", periodTo: "2017-12-31"), 2)!.Rule.ShouldBe("period-outside-item");
        Check(Report(ActionPlanHistory.Health, on: "2018-06-20", periodFrom: "2018-07-01", periodTo: "2018-12-31"), 2)!.Rule.ShouldBe("date-before-period");
    }
}

public class judging_a_plans_execution
{
    private static PlanExecution On(string day, params object[] history)
    {
        var plan = ActionPlanHistory.Of(history);
        var reports = history.OfType<PlanItemReported>().ToArray();
        var obligations = plan.Items.SelectMany(i => PlanObligations.Of(i.Number, i.Term, i.AddedOn, plan.PeriodFrom, plan.PeriodTo, i.Responsible,
            [.. reports.Where(r => r.ItemNumber == i.Number).Select(r => new ItemReport(r.Body, r.Progress, r.ReportedOn, r.PeriodFrom))]));
        return PlanExecution.Compute(obligations, null, new DateOnly(2018, 12, 31), DateOnly.Parse(day));
    }

    [Fact]
    public void nothing_is_due_before_its_last_day_is_over()
    {
        var execution = On("2018-06-30");
        (execution.Total.Due, execution.Total.NotYetDue, execution.Total.RatePercent).ShouldBe((0, 4, (decimal?)null));
        execution.OverdueItems.ShouldBeEmpty();
    }

    [Fact]
    public void an_item_falls_overdue_by_itself_for_each_body_that_has_not_executed_it()
    {
        var partly = ActionPlanHistory.Report(1, ActionPlanHistory.Ekibastuz, PlanItemProgress.PartiallyExecuted, "2018-06-25");
        var executed = ActionPlanHistory.Report(1, ActionPlanHistory.Health, PlanItemProgress.Executed, "2018-06-28");
        var execution = On("2018-07-01", partly, executed);
        // Item 1 for both bodies and item 2's first half-year are due; the half-year has no report.
        execution.Total.ShouldBe(new PlanExecutionFigures(3, 1, 2, 1, 33.3m));
        execution.OverdueItems.ShouldBe([1, 2]);
        execution.Bodies.Select(b => (b.Body, b.Figures.Due, b.Figures.Executed, b.OverdueItems.Count)).ShouldBe(
            [("Health department", 2, 1, 1), ("Akimat of Ekibastuz", 1, 0, 1)]);
    }

    [Fact]
    public void an_ongoing_period_reported_is_not_overdue_even_if_partly_executed_and_a_late_execution_counts()
    {
        var halfYear = ActionPlanHistory.Report(2, ActionPlanHistory.Health, PlanItemProgress.PartiallyExecuted, "2018-07-05", "2018-01-01", "2018-06-30");
        var late = ActionPlanHistory.Report(1, ActionPlanHistory.Ekibastuz, PlanItemProgress.Executed, "2018-07-09");
        var execution = On("2018-07-10", halfYear, late);
        execution.Total.ShouldBe(new PlanExecutionFigures(3, 1, 1, 1, 33.3m));
        execution.OverdueItems.ShouldBe([1]);
        execution.Bodies.Single(b => b.Organisation == "ekibastuz").Figures.RatePercent.ShouldBe(100m);
    }
}
