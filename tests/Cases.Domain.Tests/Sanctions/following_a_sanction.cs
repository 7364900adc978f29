using Cases.Domain.Calendars;
using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Case = Cases.Domain.Cases.Case;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Sanctions;

/// <summary>The finding of 11 March 2021 holds E-1042 at fault, after hearing them; the order is of 25 March.</summary>
public static class SanctionHistory
{
    public static Case Found() => Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound);

    public static readonly ImposeSanction Order = new("E-1042", Id, SanctionType.Remark, "12-K", new DateOnly(2021, 3, 25),
        new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 11));

    public static ImpositionContext Context(Case? @case = null, DecisionBasis? decision = null, bool sanctioned = false, Absence[]? absences = null) =>
        new(@case ?? Found(), decision, sanctioned, absences ?? [], WorkingCalendar.WeekendsOnly, new SanctionRules());

    public static Absence Away(string from, string to) => new(Guid.CreateVersion7(), AbsenceKind.SickLeave, DateOnly.Parse(from), DateOnly.Parse(to));

    public static Sanction Imposed(SanctionType type = SanctionType.Remark, params object[] more) =>
        History.Of<Sanction>([ImposeSanctionDecision.Decide(Order with { Type = type }, Context(), Guid.CreateVersion7()), .. more]);
}

public class imposing_a_sanction_in_time
{
    private static string? RuleFor(ImposeSanction order, params Absence[] absences) =>
        ImposeSanctionDecision.Check(order, SanctionHistory.Context(absences: absences))?.Rule;

    private static readonly ImposeSanction Order = SanctionHistory.Order;

    [Fact]
    public void only_an_employee_the_finding_holds_at_fault_is_sanctioned()
    {
        ImposeSanctionDecision.Check(Order with { PersonnelNumber = "E-2" }, SanctionHistory.Context())!.Rule.ShouldBe("no-violation-found");
        ImposeSanctionDecision.Check(Order, SanctionHistory.Context(Investigating(NoViolationFound)))!.Rule.ShouldBe("no-violation-found");
        ImposeSanctionDecision.Check(Order, SanctionHistory.Context(Investigating()))!.Rule.ShouldBe("no-violation-found");
        ImposeSanctionDecision.Check(Order with { PersonnelNumber = " E-1042 " }, SanctionHistory.Context()).ShouldBeNull();
    }

    [Fact]
    public void the_order_is_dated_on_the_day_of_the_finding_or_later()
    {
        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 11) }).ShouldBeNull();
        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 10) }).ShouldBe("date-before-finding");
    }

    [Fact]
    public void no_sanction_is_ordered_on_a_day_of_absence()
    {
        var sick = SanctionHistory.Away("2021-03-22", "2021-03-26");

        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 19) }, sick).ShouldBeNull();
        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 22) }, sick).ShouldBe("employee-absent");
        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 26) }, sick).ShouldBe("employee-absent");
        RuleFor(Order with { OrderDate = new DateOnly(2021, 3, 29) }, sick).ShouldBeNull();
    }

    [Fact]
    public void a_month_from_discovery_ends_on_the_same_day_of_the_next_month_and_absences_move_it()
    {
        // Discovered 11 March: the last day is 11 April; five days of sick leave in March move it to 16 April.
        RuleFor(Order with { OrderDate = new DateOnly(2021, 4, 11) }).ShouldBeNull();
        RuleFor(Order with { OrderDate = new DateOnly(2021, 4, 12) }).ShouldBe("imposition-too-late-after-discovery");
        var sick = SanctionHistory.Away("2021-03-22", "2021-03-26");
        RuleFor(Order with { OrderDate = new DateOnly(2021, 4, 16) }, sick).ShouldBeNull();
        RuleFor(Order with { OrderDate = new DateOnly(2021, 4, 17) }, sick).ShouldBe("imposition-too-late-after-discovery");
    }

    [Fact]
    public void six_months_from_the_offence_itself()
    {
        var old = Order with { OffenceCommittedOn = new DateOnly(2020, 10, 1) };

        RuleFor(old with { OrderDate = new DateOnly(2021, 4, 1) }).ShouldBeNull();
        var late = ImposeSanctionDecision.Check(old with { OrderDate = new DateOnly(2021, 4, 2) }, SanctionHistory.Context()).ShouldNotBeNull();
        late.Rule.ShouldBe("imposition-too-late-after-offence");
        late.Detail.ShouldContain("until 2021-04-01");
    }
}

public class following_a_sanction
{
    private static readonly DateOnly OrderDate = SanctionHistory.Order.OrderDate;
    private static readonly DateTimeOffset Later = new(2021, 4, 5, 12, 0, 0, TimeSpan.FromHours(6));

    /// <summary>Every command on a sanction that takes a business date, and its check for a date.</summary>
    private static readonly Dictionary<string, (Func<Sanction> State, Func<Sanction, DateOnly, RuleViolation?> Check)> Dated = new()
    {
        ["announcement"] = (() => SanctionHistory.Imposed(), (s, d) => AnnounceSanctionDecision.Check(new AnnounceSanction(1, d), s, Later)),
        ["appeal"] = (() => SanctionHistory.Imposed(), (s, d) => AppealSanctionDecision.Check(new AppealSanction(1, "Court", d), s, Later)),
        ["appeal decision"] = (() => SanctionHistory.Imposed(SanctionType.Remark, new SanctionAppealed(Guid.Empty, "E-1042", OrderDate, "Court")),
            (s, d) => DecideAppealDecision.Check(new DecideAppeal(2, AppealOutcome.Upheld, d), s, Later)),
        ["lifting"] = (() => SanctionHistory.Imposed(), (s, d) => LiftSanctionDecision.Check(new LiftSanction(1, "Director", "Merit", d), s, Later)),
    };

    public static TheoryData<string> DatedCommands() => new(Dated.Keys);

    [Theory]
    [MemberData(nameof(DatedCommands))]
    public void a_step_is_dated_on_the_day_of_the_order_or_later(string command)
    {
        var (state, check) = Dated[command];

        check(state(), OrderDate).ShouldBeNull();
        check(state(), OrderDate.AddDays(-1)).ShouldNotBeNull().Rule.ShouldBe("date-before-order");
    }

    [Fact]
    public void an_order_is_announced_once()
    {
        var announced = SanctionHistory.Imposed().Then(AnnounceSanctionDecision.Decide(new AnnounceSanction(1, SignatureRefused: true), SanctionHistory.Imposed(), Later));

        announced.AnnouncedOn.ShouldBe(new DateOnly(2021, 4, 5));
        AnnounceSanctionDecision.Check(new AnnounceSanction(2), announced, Later).ShouldNotBeNull().Rule.ShouldBe("sanction-already-announced");
    }

    [Fact]
    public void one_appeal_at_a_time_and_a_decision_only_on_a_pending_one()
    {
        var appealed = SanctionHistory.Imposed(SanctionType.Remark, new SanctionAppealed(Guid.Empty, "E-1042", OrderDate, "Court"));

        AppealSanctionDecision.Check(new AppealSanction(2, "Court"), appealed, Later).ShouldNotBeNull().Rule.ShouldBe("appeal-pending");
        DecideAppealDecision.Check(new DecideAppeal(1, AppealOutcome.Upheld), SanctionHistory.Imposed(), Later).ShouldNotBeNull().Rule.ShouldBe("no-appeal-pending");
        var upheld = appealed.Then(DecideAppealDecision.Decide(new DecideAppeal(2, AppealOutcome.Upheld), appealed, Later));
        (upheld.IsActive, upheld.AppealPending).ShouldBe((true, false));
        DecideAppealDecision.Check(new DecideAppeal(3, AppealOutcome.Overturned), upheld, Later).ShouldNotBeNull().Rule.ShouldBe("no-appeal-pending");
        AppealSanctionDecision.Check(new AppealSanction(3, "Higher court"), upheld, Later).ShouldBeNull();
    }

    [Fact]
    public void an_overturned_sanction_is_void_and_takes_nothing_more()
    {
        var appealed = SanctionHistory.Imposed(SanctionType.Remark, new SanctionAppealed(Guid.Empty, "E-1042", OrderDate, "Court"));
        var overturned = appealed.Then(DecideAppealDecision.Decide(new DecideAppeal(2, AppealOutcome.Overturned), appealed, Later).ShouldBeOfType<SanctionOverturned>());

        overturned.IsVoid.ShouldBeTrue();
        AnnounceSanctionDecision.Check(new AnnounceSanction(3), overturned, Later).ShouldNotBeNull().Rule.ShouldBe("sanction-overturned");
        AppealSanctionDecision.Check(new AppealSanction(3, "Court"), overturned, Later).ShouldNotBeNull().Rule.ShouldBe("sanction-overturned");
        LiftSanctionDecision.Check(new LiftSanction(3, "Director", "Merit"), overturned, Later).ShouldNotBeNull().Rule.ShouldBe("sanction-overturned");
    }

    [Fact]
    public void a_sanction_is_lifted_once_and_never_a_dismissal()
    {
        var lifted = SanctionHistory.Imposed(SanctionType.Remark, new SanctionLifted(Guid.Empty, "E-1042", OrderDate.AddDays(5), "Director", "Merit"));

        LiftSanctionDecision.Check(new LiftSanction(2, "Director", "Again"), lifted, Later).ShouldNotBeNull().Rule.ShouldBe("sanction-already-lifted");
        LiftSanctionDecision.Check(new LiftSanction(1, "Director", "Merit"), SanctionHistory.Imposed(SanctionType.Dismissal), Later)
            .ShouldNotBeNull().Rule.ShouldBe("dismissal-not-liftable");
        LiftSanctionDecision.Decide(new LiftSanction(1, " Director ", " Merit "), SanctionHistory.Imposed(), Later).ShouldHaveSingleItem()
            .ShouldBeOfType<SanctionLifted>()
            .ShouldSatisfyAllConditions(l => (l.LiftedBy, l.Reason, l.LiftedOn).ShouldBe(("Director", "Merit", new DateOnly(2021, 4, 5))));
    }
}

public class keeping_absences
{
    private const string Employee = "E-1042";
    private static readonly Guid Trip = Guid.CreateVersion7();

    private static Employee Record() =>
        History.Of<Employee>(new AbsenceRecorded(Employee, Trip, AbsenceKind.BusinessTrip, new DateOnly(2021, 11, 11), new DateOnly(2021, 11, 14)));

    private static RecordAbsence Absence(string from, string to) => new(1, AbsenceKind.Vacation, DateOnly.Parse(from), DateOnly.Parse(to));

    [Fact]
    public void absences_do_not_overlap_and_may_touch()
    {
        RecordAbsenceDecision.Check(Absence("2021-11-14", "2021-11-20"), Record()).ShouldNotBeNull().Rule.ShouldBe("absence-overlaps");
        RecordAbsenceDecision.Check(Absence("2021-11-01", "2021-11-11"), Record()).ShouldNotBeNull().Rule.ShouldBe("absence-overlaps");
        RecordAbsenceDecision.Check(Absence("2021-11-15", "2021-11-20"), Record()).ShouldBeNull();
        RecordAbsenceDecision.Check(Absence("2021-11-01", "2021-11-10"), Record()).ShouldBeNull();
        RecordAbsenceDecision.Check(Absence("2021-11-14", "2021-11-20"), null).ShouldBeNull();
    }

    [Fact]
    public void an_employees_first_absence_starts_their_record()
    {
        var record = Record();

        (record.Id, record.PersonnelNumber).ShouldBe((History.StreamId, Employee));
        record.Absences.ShouldHaveSingleItem().Kind.ShouldBe(AbsenceKind.BusinessTrip);
    }

    [Fact]
    public void only_a_recorded_absence_is_cancelled()
    {
        CancelAbsenceDecision.Check(new CancelAbsence(1, Guid.CreateVersion7(), "Error"), Record()).ShouldNotBeNull().Rule.ShouldBe("no-such-absence");
        var cancelled = CancelAbsenceDecision.Decide(new CancelAbsence(1, Trip, " Trip cancelled "), Record());

        cancelled.ShouldBe(new AbsenceCancelled(Employee, Trip, "Trip cancelled"));
        Record().Then(cancelled).Absences.ShouldBeEmpty();
    }
}

public class publishing_a_calendar
{
    private static RuleViolation? Check(string[] holidays, string[]? worked = null) => PublishCalendarYearDecision.Check(
        new PublishCalendarYear(0, [.. holidays.Select(DateOnly.Parse)], [.. (worked ?? []).Select(DateOnly.Parse)]), 2021);

    [Fact]
    public void a_year_names_only_its_own_days()
    {
        Check(["2021-01-01", "2021-12-31"]).ShouldBeNull();
        Check(["2022-01-01"]).ShouldNotBeNull().Rule.ShouldBe("date-outside-year");
        Check(["2020-12-31"]).ShouldNotBeNull().Rule.ShouldBe("date-outside-year");
        Check(["0001-01-01"]).ShouldNotBeNull().Rule.ShouldBe("date-outside-year");
        Check([], ["2022-01-01"]).ShouldNotBeNull().Rule.ShouldBe("date-outside-year");
    }

    [Fact]
    public void only_a_weekend_day_is_made_a_working_day_and_never_also_a_holiday()
    {
        Check([], ["2021-12-18"]).ShouldBeNull();
        Check([], ["2021-12-17"]).ShouldNotBeNull().Rule.ShouldBe("not-a-weekend-day");
        Check(["2021-12-18"], ["2021-12-18"]).ShouldNotBeNull().Rule.ShouldBe("holiday-and-working-day");
    }

    [Fact]
    public void a_publication_keeps_each_day_once_in_order()
    {
        var published = PublishCalendarYearDecision.Decide(new PublishCalendarYear(0,
            [new DateOnly(2021, 12, 17), new DateOnly(2021, 12, 16), new DateOnly(2021, 12, 17)], []), 2021);

        published.Holidays.ShouldBe([new DateOnly(2021, 12, 16), new DateOnly(2021, 12, 17)]);
    }
}

public class correcting_a_sanction
{
    private static readonly DateTimeOffset Later = new(2026, 3, 5, 12, 0, 0, TimeSpan.FromHours(5));

    private static CorrectSanction To(SanctionType type) => new(1, type, "Stored as a dismissal for two types joined by a comma");

    [Fact]
    public void the_type_it_already_has_is_nothing_to_correct() =>
        CorrectSanctionDecision.Check(To(SanctionType.Remark), SanctionHistory.Imposed())!.Rule.ShouldBe("nothing-to-correct");

    [Fact]
    public void a_stored_dismissal_becomes_the_reprimand_meant_and_gets_a_period()
    {
        var dismissal = SanctionHistory.Imposed(SanctionType.Dismissal);

        CorrectSanctionDecision.Check(To(SanctionType.Reprimand), dismissal).ShouldBeNull();
        dismissal.ExpiresOn.ShouldBeNull();
        CorrectSanctionDecision.Decide(To(SanctionType.Reprimand), dismissal, new StoredValue(1, "\"Dismissal\""), new SanctionRules(), Later)
            .ShouldHaveSingleItem().ShouldBeOfType<SanctionTypeCorrected>().ExpiresOn.ShouldBe(new DateOnly(2021, 9, 26));
    }

    [Fact]
    public void a_sanction_the_service_expired_that_was_a_dismissal_has_the_expiry_retracted_but_a_lifted_one_is_no_dismissal()
    {
        var expired = SanctionHistory.Imposed(SanctionType.Remark, new SanctionExpired(Guid.Empty, "E-1042", new DateOnly(2021, 9, 26)));
        var lifted = SanctionHistory.Imposed(SanctionType.Remark, new SanctionLifted(Guid.Empty, "E-1042", new DateOnly(2021, 4, 1), "Director", "Merit"));

        CorrectSanctionDecision.Check(To(SanctionType.Dismissal), expired).ShouldBeNull();
        var events = CorrectSanctionDecision.Decide(To(SanctionType.Dismissal), expired, new StoredValue(1, "\"Remark\""), new SanctionRules(), Later);
        events.Select(e => e.GetType()).ShouldBe([typeof(SanctionExpiryRetracted), typeof(SanctionTypeCorrected)]);
        events[0].ShouldBeOfType<SanctionExpiryRetracted>().ShouldSatisfyAllConditions(
            r => r.ExpiredOn.ShouldBe(new DateOnly(2021, 9, 26)), r => r.EndedOn.ShouldBeNull());
        var corrected = expired.Then([.. events]);
        (corrected.Status, corrected.Type, corrected.ExpiresOn).ShouldBe((SanctionStatus.Active, SanctionType.Dismissal, (DateOnly?)null));
        CorrectSanctionDecision.Check(To(SanctionType.Dismissal), lifted)!.Rule.ShouldBe("sanction-not-in-force");
    }

    [Fact]
    public void an_overturned_sanction_is_void_and_not_corrected() =>
        CorrectSanctionDecision.Check(To(SanctionType.Reprimand),
                SanctionHistory.Imposed(SanctionType.Remark, new SanctionOverturned(Guid.Empty, "E-1042", new DateOnly(2021, 4, 1))))!
            .Rule.ShouldBe("sanction-overturned");
}
