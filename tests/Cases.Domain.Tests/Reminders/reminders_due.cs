using Cases.Domain.Reminders;

namespace Cases.Domain.Tests.Reminders;

public class reminders_due
{
    private static readonly OpenClock Decision = new("DecisionExecution:1", "decision-execution", Guid.Empty, "3/2021-2", new DateOnly(2021, 11, 19));

    private static IReadOnlyList<DueReminder> On(string today, OrganisationReminderRules? rules = null, WorkingCalendar? calendar = null) =>
        DueReminders.Of([Decision], OrganisationReminderRules.Of(rules).For, calendar ?? WorkingCalendar.WeekendsOnly, DateOnly.Parse(today));

    [Theory]
    [InlineData("2021-11-15", null, null)]
    [InlineData("2021-11-16", ReminderStep.Before, "secretary")] // three working days before Friday
    [InlineData("2021-11-18", ReminderStep.Before, "secretary")]
    [InlineData("2021-11-19", ReminderStep.OnTheDay, "secretary")]
    [InlineData("2021-11-20", ReminderStep.Escalation, "member")]
    [InlineData("2021-12-19", ReminderStep.Escalation, "member")] // thirty days overdue: still escalated
    [InlineData("2021-12-20", null, null)] // longer overdue: left to the lists
    public void each_day_has_at_most_one_step(string today, ReminderStep? step, string? role)
    {
        var due = On(today);
        if (step is null) due.ShouldBeEmpty();
        else due.ShouldHaveSingleItem().ShouldBe(new DueReminder(Decision, step.Value, role!));
    }

    [Fact]
    public void working_days_before_skip_the_holidays_and_weekends()
    {
        var calendar = new WorkingCalendar(new HashSet<DateOnly> { new(2021, 11, 16) }, new HashSet<DateOnly>());
        On("2021-11-15", calendar: calendar).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.Before);
        On("2021-11-12", calendar: calendar).ShouldBeEmpty();
    }

    [Fact]
    public void a_kind_without_escalation_is_not_escalated() =>
        DueReminders.Of([Decision with { Kind = "sanction-expiry" }], ReminderDefaults.For, WorkingCalendar.WeekendsOnly, new DateOnly(2021, 11, 22)).ShouldBeEmpty();

    [Fact]
    public void a_moved_last_day_is_another_reminder_the_same_one_is_not()
    {
        var due = On("2021-11-16").Single();
        DueReminders.Key(due, "user:a").ShouldBe(DueReminders.Key(On("2021-11-17").Single(), "user:a"));
        DueReminders.Key(due, "user:a").ShouldNotBe(DueReminders.Key(due with { Clock = Decision with { DueOn = new DateOnly(2021, 12, 10) } }, "user:a"));
    }
}

public class reminder_rules
{
    private static readonly ChangeReminderRules Change = new(0, [new ReminderRule("decision-execution", 5, "secretary", "hr")]);

    [Fact]
    public void a_change_keeps_the_other_kinds_and_records_only_what_changes()
    {
        var changed = ChangeReminderRulesDecision.Decide(Change with { Rules = [..Change.Rules, ReminderDefaults.For("explanation")] },
            new OrganisationReminderRules(), new DateTimeOffset(2021, 11, 15, 9, 0, 0, TimeSpan.Zero));
        changed.Rules.ShouldHaveSingleItem().Kind.ShouldBe("decision-execution");
        var rules = new OrganisationReminderRules().Apply(changed);
        rules.For("decision-execution").WorkingDaysBefore.ShouldBe(5);
        rules.For("explanation").ShouldBe(ReminderDefaults.For("explanation"));
    }

    [Fact]
    public void the_rules_in_force_are_not_changed_again() =>
        ChangeReminderRulesDecision.Check(Change, new OrganisationReminderRules().Apply(new ReminderRulesChanged(Change.Rules, new DateOnly(2021, 11, 15))))!
            .Rule.ShouldBe("reminder-rules-unchanged");
}

public class a_reminder
{
    private static readonly DateTimeOffset Now = new(2021, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly Reminder Sent = new() { Id = Guid.NewGuid(), DueOn = new DateOnly(2021, 11, 19) };

    [Fact]
    public void acknowledged_is_done_with() =>
        ReminderDecisions.CheckAcknowledgement(Sent.Apply(ReminderDecisions.Acknowledge(Sent, Now)))!.Rule.ShouldBe("reminder-acknowledged");

    [Fact]
    public void is_snoozed_to_a_later_day_and_back_on_the_list_that_day()
    {
        ReminderDecisions.CheckSnooze(new SnoozeReminder(1, new DateOnly(2021, 11, 16)), Sent, Now)!.Rule.ShouldBe("snooze-not-after-today");
        var snoozed = Sent.Apply(ReminderDecisions.Snooze(new SnoozeReminder(1, new DateOnly(2021, 11, 18)), Sent, Now));
        snoozed.IsOpenOn(new DateOnly(2021, 11, 17)).ShouldBeFalse();
        snoozed.IsOpenOn(new DateOnly(2021, 11, 18)).ShouldBeTrue();
    }
}

public class a_clock_assigned_to_someone
{
    private static readonly OpenClock Assigned =
        new("Explanation:c1:E-1", "explanation", Guid.Empty, "2021-0001", new DateOnly(2021, 11, 19), Assignee: "d.sultanova");

    [Fact]
    public void the_investigators_reminders_go_to_the_assignee_and_the_other_roles_as_they_are()
    {
        DueReminders.AssigneeFor(Assigned, "investigator").ShouldBe("d.sultanova");
        DueReminders.AssigneeFor(Assigned, "secretary").ShouldBeNull();
        DueReminders.AssigneeFor(Assigned with { Assignee = null }, "investigator").ShouldBeNull();
    }

    [Fact]
    public void only_the_assignee_of_the_role_is_told_and_without_the_role_nobody_is()
    {
        DueReminders.Tells(Assigned, "investigator", ["investigator"], "d.sultanova").ShouldBeTrue();
        DueReminders.Tells(Assigned, "investigator", ["investigator"], "a.other").ShouldBeFalse();
        DueReminders.Tells(Assigned, "investigator", ["registrar"], "d.sultanova").ShouldBeFalse();
        DueReminders.Tells(Assigned, "secretary", ["secretary"], "a.secretary").ShouldBeTrue();
    }
}
