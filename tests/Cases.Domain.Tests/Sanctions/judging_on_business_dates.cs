using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using static Cases.Domain.Tests.Sanctions.SanctionHistory;

namespace Cases.Domain.Tests.Sanctions;

/// <summary>
/// A remark ordered on 25 March 2021 is in force through 25 September 2021 (art. 66(4)); its facts are entered in 2026,
/// after the service recorded it expired on 26 September 2021.
/// </summary>
public class lifting_a_sanction_entered_late
{
    private static readonly DateTimeOffset In2026 = new(2026, 3, 5, 12, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateOnly Expiry = new(2021, 9, 26);

    private static Sanction Expired() => Imposed(SanctionType.Remark, new SanctionExpired(Guid.Empty, "E-1042", Expiry));

    private static LiftSanction LiftOn(string day) => new(2, "Director", "Exemplary conduct", DateOnly.Parse(day));

    [Fact]
    public void it_is_in_force_from_its_order_to_the_end_of_its_period_whatever_the_service_recorded()
    {
        var sanction = Expired();

        sanction.InForceOn(new DateOnly(2021, 3, 24)).ShouldBeFalse();
        sanction.InForceOn(new DateOnly(2021, 3, 25)).ShouldBeTrue();
        sanction.InForceOn(new DateOnly(2021, 9, 25)).ShouldBeTrue();
        sanction.InForceOn(Expiry).ShouldBeFalse();
        sanction.Then(new SanctionLifted(Guid.Empty, "E-1042", new DateOnly(2021, 6, 1), "Director", "Merit")).InForceOn(new DateOnly(2021, 6, 1)).ShouldBeFalse();
        Imposed(SanctionType.Remark, new SanctionOverturned(Guid.Empty, "E-1042", new DateOnly(2021, 4, 1))).InForceOn(new DateOnly(2021, 3, 26)).ShouldBeFalse();
        Imposed(SanctionType.Dismissal).InForceOn(new DateOnly(2030, 1, 1)).ShouldBeTrue();
    }

    [Fact]
    public void a_lifting_dated_in_its_period_retracts_the_expiry_the_service_recorded_then_lifts_it()
    {
        var sanction = Expired();

        LiftSanctionDecision.Check(LiftOn("2021-07-01"), sanction, In2026).ShouldBeNull();
        var events = LiftSanctionDecision.Decide(LiftOn("2021-07-01"), sanction, In2026);

        events.Select(e => e.GetType()).ShouldBe([typeof(SanctionExpiryRetracted), typeof(SanctionLifted)]);
        events[0].ShouldBeOfType<SanctionExpiryRetracted>()
            .ShouldSatisfyAllConditions(r => r.ExpiredOn.ShouldBe(Expiry), r => r.EndedOn.ShouldBe(new DateOnly(2021, 7, 1)), r => r.Reason.ShouldContain("66(5)"));
        var lifted = sanction.Then([.. events]);
        (lifted.Status, lifted.LiftedOn, lifted.ExpiredOn).ShouldBe((SanctionStatus.Lifted, (DateOnly?)new DateOnly(2021, 7, 1), (DateOnly?)null));
    }

    [Fact]
    public void a_lifting_dated_on_or_after_the_end_of_its_period_is_refused_naming_the_dates()
    {
        var refused = LiftSanctionDecision.Check(LiftOn("2021-09-26"), Expired(), In2026).ShouldNotBeNull();

        refused.Rule.ShouldBe("sanction-not-in-force");
        refused.Detail.ShouldContain("2021-09-25");
        refused.Detail.ShouldContain("2021-09-26");
        refused.Detail.ShouldContain("66(4)");
        // The same, whether or not the service has recorded the expiry yet.
        LiftSanctionDecision.Check(LiftOn("2021-10-01"), Imposed(), In2026)!.Rule.ShouldBe("sanction-not-in-force");
        LiftSanctionDecision.Check(LiftOn("2021-09-25"), Imposed(), In2026).ShouldBeNull();
        LiftSanctionDecision.Decide(LiftOn("2021-09-25"), Imposed(), In2026).ShouldHaveSingleItem().ShouldBeOfType<SanctionLifted>();
    }

    [Fact]
    public void a_second_lifting_is_refused_whatever_its_date() =>
        LiftSanctionDecision.Check(LiftOn("2021-05-01"), Imposed(SanctionType.Remark,
                new SanctionLifted(Guid.Empty, "E-1042", new DateOnly(2021, 7, 1), "Director", "Merit")), In2026)!
            .Rule.ShouldBe("sanction-already-lifted");
}

public class appealing_a_sanction_entered_late
{
    private static readonly DateTimeOffset In2026 = new(2026, 3, 5, 12, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateOnly Filed = new(2021, 5, 10);

    [Fact]
    public void the_decision_is_dated_on_the_filing_of_the_appeal_or_later()
    {
        var appealed = Imposed(SanctionType.Remark, new SanctionAppealed(Guid.Empty, "E-1042", Filed, "Court"));

        DecideAppealDecision.Check(new DecideAppeal(2, AppealOutcome.Upheld, Filed.AddDays(-1)), appealed, In2026)!.Rule.ShouldBe("date-before-appeal");
        DecideAppealDecision.Check(new DecideAppeal(2, AppealOutcome.Upheld, Filed), appealed, In2026).ShouldBeNull();
    }

    [Fact]
    public void a_further_appeal_is_filed_on_the_decision_on_the_one_before_or_later()
    {
        var upheld = Imposed(SanctionType.Remark, new SanctionAppealed(Guid.Empty, "E-1042", Filed, "Court"),
            new SanctionUpheld(Guid.Empty, "E-1042", new DateOnly(2021, 6, 1)));

        AppealSanctionDecision.Check(new AppealSanction(3, "Higher court", new DateOnly(2021, 5, 31)), upheld, In2026)!.Rule.ShouldBe("date-before-appeal-decision");
        AppealSanctionDecision.Check(new AppealSanction(3, "Higher court", new DateOnly(2021, 6, 1)), upheld, In2026).ShouldBeNull();
    }

    [Fact]
    public void an_appeal_and_its_decision_do_not_depend_on_the_expiry_the_service_recorded()
    {
        var expired = Imposed(SanctionType.Remark, new SanctionExpired(Guid.Empty, "E-1042", new DateOnly(2021, 9, 26)));

        AppealSanctionDecision.Check(new AppealSanction(2, "Court", Filed), expired, In2026).ShouldBeNull();
        var appealed = expired.Then(AppealSanctionDecision.Decide(new AppealSanction(2, "Court", Filed), expired, In2026));
        DecideAppealDecision.Decide(new DecideAppeal(3, AppealOutcome.Overturned, new DateOnly(2021, 7, 1)), appealed, In2026).ShouldBeOfType<SanctionOverturned>();
    }
}

public class announcing_a_sanction
{
    private static readonly DateTimeOffset Later = new(2021, 4, 5, 12, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public void a_copy_sent_by_registered_letter_is_recorded_as_such()
    {
        var announced = AnnounceSanctionDecision.Decide(new AnnounceSanction(1, new DateOnly(2021, 3, 29), ByRegisteredLetter: true), Imposed(), Later);

        (announced.AnnouncedOn, announced.SignatureRefused, announced.ByRegisteredLetter).ShouldBe((new DateOnly(2021, 3, 29), false, true));
    }
}

public class the_kinds_of_absence
{
    private static readonly ImposeSanction OrderOnTheTwentyFifth = Order;

    private static Absence Away(AbsenceKind kind, string from, string to) => new(Guid.CreateVersion7(), kind, DateOnly.Parse(from), DateOnly.Parse(to));

    private static RuleViolation? Check(ImposeSanction order, params Absence[] absences) => ImposeSanctionDecision.Check(order, Context(absences: absences));

    [Fact]
    public void every_kind_says_whether_it_bars_a_sanction_and_suspends_its_periods()
    {
        AbsenceEffects.Of.Keys.ShouldBe(Enum.GetValues<AbsenceKind>(), ignoreOrder: true);
        AbsenceEffects.For(AbsenceKind.SickLeave).ShouldBe(new AbsenceEffect("65(4)(1)", "66(3)(1)"));
        AbsenceEffects.For(AbsenceKind.StateOrPublicDuties).ShouldBe(new AbsenceEffect("65(4)(2)", "66(3)(2)"));
        AbsenceEffects.For(AbsenceKind.RotationRest).ShouldBe(new AbsenceEffect("65(4)(3)", "66(3)(3)"));
        AbsenceEffects.For(AbsenceKind.BusinessTrip).ShouldBe(new AbsenceEffect("65(4)(4)", "66(3)(3)"));
        AbsenceEffects.For(AbsenceKind.WorkAccidentInvestigation).ShouldBe(new AbsenceEffect("65(4)(5)", "66(3)(7)"));
        AbsenceEffects.For(AbsenceKind.CriminalOrAdministrativeProceedings).ShouldBe(new AbsenceEffect(null, "66(3)(4)"));
        AbsenceEffects.For(AbsenceKind.Training).ShouldBe(new AbsenceEffect(null, "66(3)(5)"));
        AbsenceEffects.For(AbsenceKind.CourtAppeal).ShouldBe(new AbsenceEffect(null, "66(3)(6)"));
    }

    [Theory]
    [InlineData(AbsenceKind.StateOrPublicDuties, "65(4)(2)")]
    [InlineData(AbsenceKind.RotationRest, "65(4)(3)")]
    [InlineData(AbsenceKind.WorkAccidentInvestigation, "65(4)(5)")]
    [InlineData(AbsenceKind.Vacation, "65(4)(3)")]
    public void a_barring_kind_refuses_an_order_dated_during_it_citing_its_point(AbsenceKind kind, string point)
    {
        var refused = Check(OrderOnTheTwentyFifth, Away(kind, "2021-03-24", "2021-03-26")).ShouldNotBeNull();

        refused.Rule.ShouldBe("employee-absent");
        refused.Detail.ShouldContain($"art. {point}");
    }

    [Theory]
    [InlineData(AbsenceKind.CriminalOrAdministrativeProceedings)]
    [InlineData(AbsenceKind.Training)]
    [InlineData(AbsenceKind.CourtAppeal)]
    public void a_kind_that_only_suspends_neither_bars_the_order_nor_lets_the_period_run(AbsenceKind kind)
    {
        Check(OrderOnTheTwentyFifth, Away(kind, "2021-03-24", "2021-03-26")).ShouldBeNull();
        // Discovered 11 March: the month ends on 11 April, and ten suspended days in March move it to 21 April.
        var suspended = Away(kind, "2021-03-15", "2021-03-24");
        Check(OrderOnTheTwentyFifth with { OrderDate = new DateOnly(2021, 4, 21) }, suspended).ShouldBeNull();
        var late = Check(OrderOnTheTwentyFifth with { OrderDate = new DateOnly(2021, 4, 22) }, suspended).ShouldNotBeNull();
        late.Rule.ShouldBe("imposition-too-late-after-discovery");
        late.Detail.ShouldContain("art. 66(1)");
        late.Detail.ShouldContain("66(3)");
    }
}

public class an_offence_an_audit_established
{
    private static readonly ImposeSanction Old = Order with { OffenceCommittedOn = new DateOnly(2020, 4, 1) };

    [Fact]
    public void may_be_sanctioned_a_year_from_the_offence_instead_of_six_months()
    {
        var late = ImposeSanctionDecision.Check(Old, Context()).ShouldNotBeNull();
        late.Rule.ShouldBe("imposition-too-late-after-offence");
        late.Detail.ShouldContain("art. 66(2)");

        ImposeSanctionDecision.Check(Old with { EstablishedByAudit = true }, Context()).ShouldBeNull();
        ImposeSanctionDecision.Decide(Old with { EstablishedByAudit = true }, Context(), Guid.CreateVersion7()).EstablishedByAudit.ShouldBeTrue();
        var tooOld = ImposeSanctionDecision.Check(Old with { EstablishedByAudit = true, OffenceCommittedOn = new DateOnly(2020, 3, 24) }, Context()).ShouldNotBeNull();
        tooOld.Rule.ShouldBe("imposition-too-late-after-offence");
        tooOld.Detail.ShouldContain("12 months");
        tooOld.Detail.ShouldContain("until 2021-03-24");
    }

    [Fact]
    public void the_year_is_the_organisations_to_configure() =>
        ImposeSanctionDecision.Check(Old with { EstablishedByAudit = true },
                Context() with { Rules = new SanctionRules { MonthsFromOffenceWhenAudited = 9 } })!
            .Rule.ShouldBe("imposition-too-late-after-offence");
}

public class restating_a_sanctions_period
{
    private static readonly SanctionRules Statute = new();
    private static readonly DateOnly Statutory = new(2021, 9, 26);
    private static readonly DateOnly Moved = new(2021, 10, 20);

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(5));

    /// <summary>Under the former reading, 24 days of vacation moved its end to 20 October.</summary>
    private static Sanction OldStyle(params object[] more) =>
        Imposed(SanctionType.Remark, [new SanctionExpiryMoved(Guid.Empty, "E-1042", Moved), .. more]);

    [Fact]
    public void a_period_absences_moved_is_restated_and_a_sanction_still_active_expires_on_the_restated_day()
    {
        var events = RestateSanctionPeriod.Decide(OldStyle(), Statute, On(2026, 3, 5));

        events.Select(e => e.GetType()).ShouldBe([typeof(SanctionPeriodRestated), typeof(SanctionExpired)]);
        events[0].ShouldBeOfType<SanctionPeriodRestated>().ShouldSatisfyAllConditions(
            r => r.ExpiresOn.ShouldBe(Statutory), r => r.PreviousExpiresOn.ShouldBe(Moved), r => r.Reason.ShouldContain("66(4)"));
        events[1].ShouldBeOfType<SanctionExpired>().ExpiredOn.ShouldBe(Statutory);
        RestateSanctionPeriod.Decide(OldStyle().Then([.. events]), Statute, On(2026, 3, 5)).ShouldBeEmpty();
    }

    [Fact]
    public void a_sanction_whose_restated_day_is_still_ahead_stays_in_force_until_then() =>
        RestateSanctionPeriod.Decide(OldStyle(), Statute, On(2021, 9, 1)).ShouldHaveSingleItem().ShouldBeOfType<SanctionPeriodRestated>();

    [Fact]
    public void one_that_expired_late_keeps_its_recorded_expiry_and_only_the_period_is_restated()
    {
        var expiredLate = OldStyle(new SanctionExpired(Guid.Empty, "E-1042", Moved));

        var restated = RestateSanctionPeriod.Decide(expiredLate, Statute, On(2026, 3, 5)).ShouldHaveSingleItem().ShouldBeOfType<SanctionPeriodRestated>();
        var after = expiredLate.Then(restated);
        (after.Status, after.ExpiresOn, after.ExpiredOn).ShouldBe((SanctionStatus.Expired, (DateOnly?)Statutory, (DateOnly?)Moved));
        after.InForceOn(new DateOnly(2021, 10, 1)).ShouldBeFalse();
    }

    [Fact]
    public void nothing_is_restated_for_a_statutory_period_a_dismissal_or_an_overturned_sanction()
    {
        RestateSanctionPeriod.Decide(Imposed(), Statute, On(2026, 3, 5)).ShouldBeEmpty();
        RestateSanctionPeriod.Decide(Imposed(SanctionType.Dismissal), Statute, On(2026, 3, 5)).ShouldBeEmpty();
        RestateSanctionPeriod.Decide(OldStyle(new SanctionOverturned(Guid.Empty, "E-1042", new DateOnly(2021, 5, 1))), Statute, On(2026, 3, 5)).ShouldBeEmpty();
    }
}
