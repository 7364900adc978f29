using Cases.Domain.Employees;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using static Cases.Domain.Tests.Cases.CaseHistory;
using static Cases.Domain.Tests.Sanctions.SanctionHistory;

namespace Cases.Domain.Tests.Sanctions;

public class the_labour_clock
{
    private static Absence Away(string from, string to) => new(Guid.CreateVersion7(), AbsenceKind.SickLeave, DateOnly.Parse(from), DateOnly.Parse(to));

    [Theory]
    [InlineData("2021-03-10", 1, "2021-04-10")]
    [InlineData("2021-01-31", 1, "2021-02-28")] // no 31 February: the month's last day
    [InlineData("2021-08-31", 6, "2022-02-28")]
    [InlineData("2020-02-29", 6, "2020-08-29")]
    public void a_period_in_months_ends_on_the_same_day_of_the_month(string start, int months, string end) =>
        LabourClock.End(DateOnly.Parse(start), months, []).ShouldBe(DateOnly.Parse(end));

    [Fact]
    public void each_day_of_absence_after_the_start_moves_the_end_a_day()
    {
        LabourClock.End(new DateOnly(2021, 3, 10), 1, [Away("2021-03-20", "2021-03-24")]).ShouldBe(new DateOnly(2021, 4, 15));
        // The start day itself does not count, nor does an absence after the end.
        LabourClock.End(new DateOnly(2021, 3, 10), 1, [Away("2021-03-10", "2021-03-10"), Away("2021-05-01", "2021-05-05")])
            .ShouldBe(new DateOnly(2021, 4, 10));
    }

    [Fact]
    public void an_absence_the_extension_reaches_extends_it_further()
    {
        // Five days in March push the end to 15 April, into an absence from 12 April: those days count too.
        var end = LabourClock.End(new DateOnly(2021, 3, 10), 1, [Away("2021-03-20", "2021-03-24"), Away("2021-04-12", "2021-04-18")]);

        end.ShouldBe(new DateOnly(2021, 4, 22));
    }

    [Fact]
    public void overlapping_absences_count_each_day_once() =>
        LabourClock.End(new DateOnly(2021, 3, 10), 1, [Away("2021-03-20", "2021-03-24"), Away("2021-03-22", "2021-03-26")])
            .ShouldBe(new DateOnly(2021, 4, 17));
}

public class imposing_a_sanction
{
    [Fact]
    public void a_heard_employee_held_at_fault_is_sanctioned_with_the_announcement_and_expiry_dates()
    {
        var imposed = ImposeSanctionDecision.Decide(Order, Context(), Guid.CreateVersion7());

        imposed.AnnounceBy.ShouldBe(new DateOnly(2021, 3, 30)); // Thursday 25: Friday, Monday, Tuesday
        imposed.ExpiresOn.ShouldBe(new DateOnly(2021, 9, 26)); // in force through 25 September
        imposed.CaseNumber.ShouldBe("2021-0007");
    }

    [Fact]
    public void an_order_dated_before_the_finding_is_refused() =>
        ImposeSanctionDecision.Check(Order with { OrderDate = Received.AddDays(8) }, Context())!.Rule.ShouldBe("date-before-finding");

    [Fact]
    public void an_employee_never_heard_is_not_sanctioned()
    {
        var unheard = Investigating() with { ViolationFound = true, EmployeesAtFault = ["E-1042"], FoundOn = Received };

        ImposeSanctionDecision.Check(Order, Context(unheard))!.Rule.ShouldBe("explanation-missing");
    }

    [Fact]
    public void a_protocol_decision_must_recommend_a_sanction_on_this_case()
    {
        ImposeSanctionDecision.Check(Order, Context(decision: new DecisionBasis(Guid.CreateVersion7(), "1/2021-1", Guid.CreateVersion7(), DecisionKind.SanctionRecommendation)))!
            .Rule.ShouldBe("decision-about-another-case");
        ImposeSanctionDecision.Check(Order, Context(decision: new DecisionBasis(Guid.CreateVersion7(), "1/2021-1", Id, DecisionKind.Instruction)))!
            .Rule.ShouldBe("decision-not-a-sanction-recommendation");
        ImposeSanctionDecision.Check(Order, Context(decision: new DecisionBasis(Guid.CreateVersion7(), "1/2021-1", Id, DecisionKind.SanctionRecommendation)))
            .ShouldBeNull();
    }

    [Fact]
    public void a_second_sanction_for_the_offence_is_refused() =>
        ImposeSanctionDecision.Check(Order, Context(sanctioned: true))!.Rule.ShouldBe("one-sanction-per-offence");

    [Fact]
    public void its_period_is_six_months_from_the_order_whatever_the_absences_and_a_dismissal_has_none()
    {
        var vacation = new Absence(Guid.CreateVersion7(), AbsenceKind.Vacation, new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 24));

        ImposeSanctionDecision.Decide(Order, Context(absences: [vacation]), Guid.CreateVersion7()).ExpiresOn.ShouldBe(new DateOnly(2021, 9, 26));
        ImposeSanctionDecision.ExpiresOn(SanctionType.Dismissal, Order.OrderDate, new SanctionRules()).ShouldBeNull();
        ImposeSanctionDecision.ExpiresOn(SanctionType.Remark, new DateOnly(2021, 8, 31), new SanctionRules()).ShouldBe(new DateOnly(2022, 3, 1));
    }

    [Fact]
    public void it_expires_on_its_day_unless_it_ended_otherwise()
    {
        var sanction = Sanction.Create(ImposeSanctionDecision.Decide(Order, Context(), Guid.CreateVersion7()));
        var due = new SanctionExpiryDue(sanction.Id, new DateOnly(2021, 9, 26));
        var lastDayInForce = new DateTimeOffset(2021, 9, 25, 23, 59, 59, TimeSpan.FromHours(6));
        var day = new DateTimeOffset(2021, 9, 26, 0, 0, 0, TimeSpan.FromHours(6));

        SanctionExpiry.Decide(due, sanction, lastDayInForce).ShouldBeNull();
        SanctionExpiry.Decide(due, sanction, day)!.ExpiredOn.ShouldBe(new DateOnly(2021, 9, 26));
        SanctionExpiry.Decide(due, sanction.Apply(new SanctionLifted(sanction.Id, "E-1042", new DateOnly(2021, 6, 1), "Director", "Merit")), day).ShouldBeNull();
        SanctionExpiry.Decide(due, sanction.Apply(new SanctionExpiryMoved(sanction.Id, "E-1042", new DateOnly(2021, 10, 5))), day).ShouldBeNull();
    }
}
