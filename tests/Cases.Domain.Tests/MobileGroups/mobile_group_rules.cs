using Cases.Domain.MobileGroups;
using Cases.Domain.Monitoring;

namespace Cases.Domain.Tests.MobileGroups;

/// <summary>The mobile group of Ekibastuz, formed on 15 September 2017 to start working on 1 October 2017 (seed 001).</summary>
public static class MobileGroupHistory
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly DateOnly FormedOn = new(2017, 9, 15);
    public static readonly DateOnly StartsOn = new(2017, 10, 1);

    public static readonly MobileGroupFormed Formed = FormMobileGroupDecision.Decide(new FormMobileGroup(" Mobile group of Ekibastuz ", " Ekibastuz ",
        FormedOn, StartsOn,
        [
            new GroupMember(" A. Akhmetov ", " City akimat ", MobileGroupRole.Head, " ekibastuz "),
            new GroupMember("B. Seitova", "Nur Otan party branch"),
            new GroupMember("C. Omarov", "Maslikhat deputies", OrganisationCode: " ")
        ]), Id);

    public static readonly VisitScheduleApproved Schedule = new(Id, new DateOnly(2017, 9, 20), "Akim of Ekibastuz",
        [new PlannedVisit(1, new DateOnly(2017, 10, 5), "City polyclinic", "Free medicines"), new PlannedVisit(2, new DateOnly(2017, 10, 19), "School 3", "Admissions")]);

    public static readonly GroupVisitHeld Visit = new(Id, 1, new DateOnly(2017, 10, 5), "City polyclinic", "Free medicines", 1, []);

    public static readonly MobileGroupDisbanded Disbanded = new(Id, new DateOnly(2018, 12, 31), "Replaced by the district groups");

    public static MobileGroup Of(params object[] more) => History.Of<MobileGroup>([Formed, .. more]);
}

public class forming_a_mobile_group
{
    [Fact]
    public void the_group_is_formed_trimmed_with_its_members()
    {
        var formed = MobileGroupHistory.Formed;
        (formed.Name, formed.Area, formed.StartsOn).ShouldBe(("Mobile group of Ekibastuz", "Ekibastuz", MobileGroupHistory.StartsOn));
        formed.Members[0].ShouldBe(new GroupMember("A. Akhmetov", "City akimat", MobileGroupRole.Head, "ekibastuz"));
        formed.Members[2].OrganisationCode.ShouldBeNull();
        BusinessDates.Of(formed).Day.ShouldBe(MobileGroupHistory.FormedOn);
    }
}

public class composing_a_mobile_group
{
    private static AddGroupMember Join(string name = "D. Kim", MobileGroupRole role = MobileGroupRole.Member, string on = "2017-11-01") =>
        new(2, new GroupMember(name, "Center for the development of youth initiatives", role), DateOnly.Parse(on));

    [Fact]
    public void a_person_is_a_member_once()
    {
        AddGroupMemberDecision.Check(Join(" b. seitova "), MobileGroupHistory.Of())!.Rule.ShouldBe("member-already-in-group");
        AddGroupMemberDecision.Check(Join(), MobileGroupHistory.Of()).ShouldBeNull();
    }

    [Fact]
    public void a_group_has_one_head_at_a_time()
    {
        AddGroupMemberDecision.Check(Join(role: MobileGroupRole.Head), MobileGroupHistory.Of())!.Rule.ShouldBe("group-has-a-head");
        var headless = MobileGroupHistory.Of(new GroupMemberLeft(MobileGroupHistory.Id, "A. Akhmetov", new DateOnly(2017, 10, 30)));
        AddGroupMemberDecision.Check(Join(role: MobileGroupRole.Head), headless).ShouldBeNull();
    }

    [Fact]
    public void a_member_joins_no_earlier_than_the_group_was_formed()
    {
        AddGroupMemberDecision.Check(Join(on: "2017-09-15"), MobileGroupHistory.Of()).ShouldBeNull();
        AddGroupMemberDecision.Check(Join(on: "2017-09-14"), MobileGroupHistory.Of())!.Rule.ShouldBe("date-before-formation");
    }

    [Fact]
    public void only_a_member_leaves_and_then_may_join_again()
    {
        var leaving = new ReleaseGroupMember(2, " c. omarov ", new DateOnly(2017, 12, 1), " Elected elsewhere ");
        ReleaseGroupMemberDecision.Check(leaving with { FullName = "Nobody" }, MobileGroupHistory.Of())!.Rule.ShouldBe("not-a-group-member");
        ReleaseGroupMemberDecision.Check(leaving with { LeftOn = new DateOnly(2017, 9, 1) }, MobileGroupHistory.Of())!.Rule.ShouldBe("date-before-formation");
        var left = ReleaseGroupMemberDecision.Decide(leaving, MobileGroupHistory.Of());
        (left.FullName, left.Reason).ShouldBe(("C. Omarov", "Elected elsewhere"));
        var after = MobileGroupHistory.Of(left);
        after.Members.Count.ShouldBe(2);
        AddGroupMemberDecision.Check(Join("C. Omarov"), after).ShouldBeNull();
    }

    [Fact]
    public void nothing_changes_in_a_disbanded_group()
    {
        var disbanded = MobileGroupHistory.Of(MobileGroupHistory.Disbanded);
        AddGroupMemberDecision.Check(Join(), disbanded)!.Rule.ShouldBe("group-disbanded");
        ReleaseGroupMemberDecision.Check(new ReleaseGroupMember(2, "C. Omarov", new DateOnly(2019, 1, 1)), disbanded)!.Rule.ShouldBe("group-disbanded");
        DisbandMobileGroupDecision.Check(new DisbandMobileGroup(3, new DateOnly(2019, 1, 1), "Again"), disbanded)!.Rule.ShouldBe("group-disbanded");
    }
}

public class approving_a_schedule_of_visits
{
    private static ApproveVisitSchedule Approval(string on = "2017-09-20", string first = "2017-10-19") => new(2, DateOnly.Parse(on), " Akim ",
        [new ProposedVisit(DateOnly.Parse(first), " School 3 ", " Admissions "), new ProposedVisit(new DateOnly(2017, 10, 5), "City polyclinic", "Free medicines")]);

    [Fact]
    public void planned_visits_are_numbered_in_date_order()
    {
        var approved = ApproveVisitScheduleDecision.Decide(Approval(), MobileGroupHistory.Of());
        approved.Visits.ShouldBe([new PlannedVisit(1, new DateOnly(2017, 10, 5), "City polyclinic", "Free medicines"),
            new PlannedVisit(2, new DateOnly(2017, 10, 19), "School 3", "Admissions")]);
        approved.ApprovedBy.ShouldBe("Akim");
    }

    [Fact]
    public void no_visit_is_planned_before_the_group_starts_working()
    {
        ApproveVisitScheduleDecision.Check(Approval(first: "2017-10-01"), MobileGroupHistory.Of()).ShouldBeNull();
        ApproveVisitScheduleDecision.Check(Approval(first: "2017-09-30"), MobileGroupHistory.Of())!.Rule.ShouldBe("planned-visit-before-start");
    }

    [Fact]
    public void a_schedule_is_approved_once_from_the_formation_on()
    {
        ApproveVisitScheduleDecision.Check(Approval(on: "2017-09-14"), MobileGroupHistory.Of())!.Rule.ShouldBe("date-before-formation");
        ApproveVisitScheduleDecision.Check(Approval(), MobileGroupHistory.Of(MobileGroupHistory.Schedule))!.Rule.ShouldBe("schedule-already-approved");
        ApproveVisitScheduleDecision.Check(Approval(), MobileGroupHistory.Of(MobileGroupHistory.Disbanded))!.Rule.ShouldBe("group-disbanded");
    }
}

public class recording_a_visit
{
    private static RecordGroupVisit Visit(string on = "2017-10-05", int? planned = 1) => new(3, DateOnly.Parse(on), " City polyclinic ",
        " Free medicines ", planned, [new VisitFinding(" Medicines list not posted ", FindingOutcome.Referral, " Health care department ")]);

    [Fact]
    public void a_visit_is_held_once_the_group_has_started_working()
    {
        RecordGroupVisitDecision.Check(Visit("2017-09-30", planned: null), MobileGroupHistory.Of())!.Rule.ShouldBe("visit-before-start");
        RecordGroupVisitDecision.Check(Visit("2017-10-01", planned: null), MobileGroupHistory.Of()).ShouldBeNull();
    }

    [Fact]
    public void a_planned_visit_is_one_of_the_schedule()
    {
        RecordGroupVisitDecision.Check(Visit(), MobileGroupHistory.Of())!.Rule.ShouldBe("no-such-planned-visit");
        RecordGroupVisitDecision.Check(Visit(planned: 3), MobileGroupHistory.Of(MobileGroupHistory.Schedule))!.Rule.ShouldBe("no-such-planned-visit");
        RecordGroupVisitDecision.Check(Visit(), MobileGroupHistory.Of(MobileGroupHistory.Schedule)).ShouldBeNull();
    }

    [Fact]
    public void a_planned_visit_is_held_once_and_unplanned_ones_at_will()
    {
        var held = MobileGroupHistory.Of(MobileGroupHistory.Schedule, MobileGroupHistory.Visit);
        RecordGroupVisitDecision.Check(Visit(), held)!.Rule.ShouldBe("planned-visit-already-held");
        RecordGroupVisitDecision.Check(Visit(planned: null), held).ShouldBeNull();
        var second = RecordGroupVisitDecision.Decide(Visit("2017-10-19", planned: 2), held);
        (second.Number, second.Place, second.Findings[0].ReferredTo).ShouldBe((2, "City polyclinic", "Health care department"));
    }

    [Fact]
    public void no_visit_is_held_by_a_disbanded_group()
    {
        RecordGroupVisitDecision.Check(Visit(planned: null), MobileGroupHistory.Of(MobileGroupHistory.Disbanded))!.Rule.ShouldBe("group-disbanded");
    }
}

public class disbanding_a_mobile_group
{
    [Fact]
    public void a_group_is_disbanded_no_earlier_than_formed_nor_than_its_last_visit()
    {
        DisbandMobileGroupDecision.Check(new DisbandMobileGroup(2, new DateOnly(2017, 9, 1), "x"), MobileGroupHistory.Of())!.Rule.ShouldBe("date-before-formation");
        var visited = MobileGroupHistory.Of(MobileGroupHistory.Schedule, MobileGroupHistory.Visit);
        DisbandMobileGroupDecision.Check(new DisbandMobileGroup(4, new DateOnly(2017, 10, 4), "x"), visited)!.Rule.ShouldBe("date-before-last-visit");
        DisbandMobileGroupDecision.Check(new DisbandMobileGroup(4, new DateOnly(2017, 10, 5), "x"), visited).ShouldBeNull();
    }
}
