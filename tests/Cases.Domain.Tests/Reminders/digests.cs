using Cases.Domain.Reminders;

namespace Cases.Domain.Tests.Reminders;

public class a_digest
{
    private static readonly DateOnly Today = new(2021, 11, 15);

    private static OpenClock Clock(string kind, string reference, int daysFromToday) =>
        new($"{kind}:{reference}", kind, Guid.Empty, reference, Today.AddDays(daysFromToday));

    private static readonly OpenClock[] Clocks =
    [
        Clock("decision-execution", "D-today", 0),
        Clock("decision-execution", "D-six", 6),
        Clock("decision-execution", "D-seven", 7),
        Clock("decision-execution", "D-late", -3),
        Clock("case-acknowledgement", "A-soon", 2),
        Clock("case-acknowledgement", "A-late", -1),
        Clock("sanction-expiry", "S-late", -1)
    ];

    private static IReadOnlyList<DigestLine> Of(params string[] roles) => Digest.For(Clocks, ReminderDefaults.For, roles, "someone", Today);

    [Fact]
    public void lists_the_reminded_roles_clocks_due_within_seven_days_and_overdue_the_longest_overdue_first() =>
        Of("secretary").Select(l => (l.Clock.Reference, l.Overdue, l.DaysLeft))
            .ShouldBe([("D-late", true, -3), ("D-today", false, 0), ("D-six", false, 6)]);

    [Fact]
    public void the_escalation_role_gets_only_the_overdue_clocks() =>
        Of("member").Select(l => l.Clock.Reference).ShouldBe(["D-late"]);

    [Fact]
    public void a_person_holding_both_roles_gets_each_clock_once() =>
        Of("registrar", "investigator").Select(l => l.Clock.Reference).ShouldBe(["A-late", "A-soon"]);

    [Fact]
    public void a_kind_without_escalation_reaches_only_its_reminded_role_and_another_role_gets_nothing()
    {
        Of("hr").Select(l => l.Clock.Reference).ShouldBe(["S-late"]);
        Of("auditor").ShouldBeEmpty();
    }

    [Fact]
    public void an_assigned_clock_is_its_investigators_alone_and_its_escalation_still_the_roles()
    {
        var assigned = new OpenClock("ComplainantFeedback:c1", "complainant-feedback", Guid.Empty, "F-late", Today.AddDays(-2), Assignee: "d.sultanova");
        Digest.For([assigned], ReminderDefaults.For, ["investigator"], "d.sultanova", Today).Select(l => l.Clock.Reference).ShouldBe(["F-late"]);
        Digest.For([assigned], ReminderDefaults.For, ["investigator"], "a.other", Today).ShouldBeEmpty();
        Digest.For([assigned], ReminderDefaults.For, ["secretary"], "a.secretary", Today).Select(l => l.Clock.Reference).ShouldBe(["F-late"]);
    }

    [Fact]
    public void follows_the_organisations_rules()
    {
        var rules = new OrganisationReminderRules().Apply(new ReminderRulesChanged([new ReminderRule("decision-execution", 3, "hr", "auditor")], Today));
        Digest.For(Clocks, rules.For, ["auditor"], "someone", Today).Select(l => l.Clock.Reference).ShouldBe(["D-late"]);
        Digest.For(Clocks, rules.For, ["secretary"], "someone", Today).ShouldBeEmpty();
    }
}

public class a_reminders_clock
{
    [Fact]
    public void is_told_from_its_id_without_the_clock_id_being_kept()
    {
        var clock = new OpenClock("Explanation:0a1b:E-1042", "explanation", Guid.NewGuid(), "2021-0001", new DateOnly(2021, 11, 19));
        var due = new DueReminder(clock, ReminderStep.Escalation, "secretary");
        var id = StreamIds.Reminder("nroc", DueReminders.Key(due, DueReminders.Recipient("a.secretary", "secretary")));
        var reminder = new Reminder { Id = id, Kind = clock.Kind, StreamId = clock.StreamId, DueOn = clock.DueOn, Step = due.Step, Role = "secretary", Recipient = "a.secretary" };

        DueReminders.IsOf(reminder, "nroc", clock.Id).ShouldBeTrue();
        DueReminders.IsOf(reminder, "nroc", "Explanation:0a1b:E-2077").ShouldBeFalse();
        DueReminders.IsOf(reminder, "other", clock.Id).ShouldBeFalse();
        DueReminders.IsOf(reminder with { Recipient = null }, "nroc", clock.Id).ShouldBeFalse();
    }
}
