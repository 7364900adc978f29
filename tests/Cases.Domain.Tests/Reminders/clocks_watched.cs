using Cases.Domain.ActionPlans;
using Cases.Domain.Cases;
using Cases.Domain.Reminders;
using Cases.Domain.Retention;
using Cases.Domain.Sanctions;

namespace Cases.Domain.Tests.Reminders;

public class clocks_watched
{
    private static readonly OpenClock Overdue = new("Retention:1", "retention", Guid.Empty, "NROC-2016-1", new DateOnly(2021, 11, 1));

    [Fact]
    public void a_clock_long_overdue_when_reminders_start_is_not_escalated_in_a_burst()
    {
        var today = new DateOnly(2021, 11, 15);
        DueReminders.Of([Overdue], ReminderDefaults.For, WorkingCalendar.WeekendsOnly, today).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.Escalation);
        DueReminders.Of([Overdue], ReminderDefaults.For, WorkingCalendar.WeekendsOnly, today, escalateWithinDays: 13).ShouldBeEmpty();
        DueReminders.Of([Overdue with { DueOn = new DateOnly(2019, 1, 10) }], ReminderDefaults.For, WorkingCalendar.WeekendsOnly, today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2021-11-15", "2021-11-17", "2021-11-18")] // Monday: two working days, then the next
    [InlineData("2021-11-17", "2021-11-19", "2021-11-22")] // the explanation's last day a Friday: the act on Monday
    public void an_act_of_refusal_is_due_the_working_day_after_the_explanations_last_day(string requested, string explanation, string act)
    {
        var requestedOn = DateOnly.Parse(requested);
        RecordExplanationDecision.ExplanationDue(requestedOn, WorkingCalendar.WeekendsOnly, new SanctionRules()).ShouldBe(DateOnly.Parse(explanation));
        var due = RecordExplanationDecision.RefusalActDue(requestedOn, WorkingCalendar.WeekendsOnly, new SanctionRules());
        due.ShouldBe(DateOnly.Parse(act));
        // The act may be drawn up on its last day: the rule refusing an early act does not refuse it.
        RecordExplanationDecision.EarliestRefusalAct(requestedOn, WorkingCalendar.WeekendsOnly, new SanctionRules()).ShouldBeLessThanOrEqualTo(due);
    }

    [Fact]
    public void a_closed_case_is_due_for_archival_the_first_day_the_archival_takes_it()
    {
        var closedOn = new DateOnly(2016, 3, 1);
        var due = ArchiveClosedCasesDecision.ArchivalDue(closedOn, 365);
        ArchiveClosedCasesDecision.Decide(Guid.NewGuid(), closedOn, new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 365).ShouldNotBeNull();
        ArchiveClosedCasesDecision.Decide(Guid.NewGuid(), closedOn, new DateTimeOffset(due.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 365)
            .ShouldBeNull();
    }

    [Fact]
    public void a_plan_obligation_is_open_until_executed_and_an_ongoing_period_until_reported()
    {
        var body = new ResponsibleBody("Legal department");
        var day = new DateOnly(2021, 12, 31);
        new PlanObligation(1, body, day, null, PlanItemProgress.PartiallyExecuted, day).Open.ShouldBeTrue();
        new PlanObligation(1, body, day, null, PlanItemProgress.Executed, day).Open.ShouldBeFalse();
        new PlanObligation(1, body, day, new DateOnly(2021, 10, 1), null, null).Open.ShouldBeTrue();
        new PlanObligation(1, body, day, new DateOnly(2021, 10, 1), PlanItemProgress.PartiallyExecuted, day).Open.ShouldBeFalse();
    }

    [Theory]
    [InlineData("act-of-refusal", "investigator")]
    [InlineData("plan-item-due", "compliance")]
    [InlineData("retention", "dpo")]
    public void the_new_kinds_are_reminded_by_default_to_whoever_acts_on_them(string kind, string role)
    {
        ReminderDefaults.IsKnownKind(kind).ShouldBeTrue();
        ReminderDefaults.For(kind).Remind.ShouldBe(role);
    }
}
