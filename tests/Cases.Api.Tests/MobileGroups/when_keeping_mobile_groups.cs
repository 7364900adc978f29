using Cases.Api.Infrastructure;
using Cases.Api.MobileGroups;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.MobileGroups;

namespace Cases.Api.Tests.MobileGroups;

/// <summary>
/// The anti-corruption mobile groups of Pavlodar region (seed 001): drawn from the local executive bodies, the Nur Otan
/// party branch, the youth centre, the public and the maslikhat deputies, with approved schedules, working from October 2017.
/// </summary>
public class when_keeping_mobile_groups(MeetingApiApp app) : MeetingApiTests(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);

    private static object Group(string area = "Ekibastuz", string formedOn = "2017-09-15", string startsOn = "2017-10-01") => new
    {
        name = $"Anti-corruption mobile group of {area}",
        area,
        formedOn,
        startsOn,
        members = new object[]
        {
            new { fullName = "A. Akhmetov", body = "City akimat", role = "head", organisationCode = "ekibastuz" },
            new { fullName = "B. Seitova", body = "Nur Otan party branch" },
            new { fullName = "C. Omarov", body = "Maslikhat deputies" },
            new { fullName = "D. Kim", body = "Nur Otan party branch" }
        }
    };

    private Task<MobileGroupFormedResponse> FormAsync(object? group = null) =>
        PostAsync<MobileGroupFormedResponse>("/api/mobile-groups", group ?? Group(), Compliance, 201);

    private static object Schedule(long version) => new
    {
        expectedVersion = version,
        approvedOn = "2017-09-20",
        approvedBy = "Akim of the city",
        visits = new[]
        {
            new { date = "2017-10-19", place = "School 3", topic = "Admissions" },
            new { date = "2017-10-05", place = "City polyclinic", topic = "Free medicines" }
        }
    };

    private Task<Written> CommandAsync(Guid id, string action, object body) => PostAsync<Written>($"/api/mobile-groups/{id}/{action}", body, Compliance);

    private Task<MobileGroupDetails> ReadAsync(Guid id, string? token = null) => GetAsync<MobileGroupDetails>($"/api/mobile-groups/{id}", token ?? Compliance);

    [Fact]
    public async Task a_group_is_formed_given_a_schedule_and_its_visits_are_counted()
    {
        var formed = await FormAsync();
        formed.Version.ShouldBe(1);
        var version = (await CommandAsync(formed.Id, "schedule", Schedule(1))).Version;
        version = (await CommandAsync(formed.Id, "members",
            new { expectedVersion = version, member = new { fullName = "E. Nurlanova", body = "Center for the development of youth initiatives" }, joinedOn = "2017-10-02" })).Version;
        version = (await CommandAsync(formed.Id, "visits", new
        {
            expectedVersion = version, heldOn = "2017-10-05", place = "City polyclinic", @checked = "Free medicines to outpatients", plannedVisit = 1,
            findings = new[] { new { description = "The list of free medicines was not posted", ledTo = "referral", referredTo = "Regional health care department" } }
        })).Version;
        version = (await CommandAsync(formed.Id, "visits",
            new { expectedVersion = version, heldOn = "2017-10-10", place = "Akimat reception", @checked = "Queues for land plots" })).Version;
        version = (await CommandAsync(formed.Id, "departures", new { expectedVersion = version, fullName = "C. Omarov", leftOn = "2017-11-01" })).Version;

        var group = await ReadAsync(formed.Id, App.Token(Org, Roles.Auditor));
        group.Version.ShouldBe(version);
        (group.Area, group.FormedOn, group.StartsOn, group.ScheduleApprovedOn).ShouldBe(("Ekibastuz", new DateOnly(2017, 9, 15), new DateOnly(2017, 10, 1), new DateOnly(2017, 9, 20)));
        group.Bodies.ShouldBe(["City akimat", "Nur Otan party branch", "Center for the development of youth initiatives"]);
        group.Members.Single(m => m.FullName == "C. Omarov").LeftOn.ShouldBe(new DateOnly(2017, 11, 1));
        group.Schedule.Select(v => (v.Number, v.Place, v.HeldOn)).ShouldBe([(1, "City polyclinic", new DateOnly(2017, 10, 5)), (2, "School 3", (DateOnly?)null)]);
        (group.VisitsPlanned, group.VisitsHeld).ShouldBe((2, 2));
        group.Visits[0].Findings.Single().ReferredTo.ShouldBe("Regional health care department");

        var summary = await GetAsync<MobileGroupsSummary>("/api/mobile-groups/summary?from=2017-10-01&to=2017-10-31", App.Token(Org, Roles.Analyst));
        (summary.GroupsFormed, summary.GroupsActive, summary.VisitsPlanned, summary.VisitsHeld, summary.PlannedVisitsHeld, summary.UnplannedVisits)
            .ShouldBe((0, 1, 2, 2, 1, 1));
        (summary.Findings, summary.FindingsReferred, summary.FindingsLedToCase).ShouldBe((1, 1, 0));
        summary.MembersByBody.Select(b => (b.Body, b.Members)).ShouldBe(
            [("City akimat", 1), ("Nur Otan party branch", 2), ("Maslikhat deputies", 1), ("Center for the development of youth initiatives", 1)]);
        summary.Groups.Single().Bodies.Count.ShouldBe(3);
    }

    [Fact]
    public async Task the_list_filters_by_area_and_by_a_day_the_groups_work()
    {
        var ekibastuz = (await FormAsync()).Id;
        var aksu = (await FormAsync(Group("Aksu", startsOn: "2017-11-01"))).Id;
        await CommandAsync(ekibastuz, "disbandment", new { expectedVersion = 1, disbandedOn = "2018-12-31", reason = "Replaced by district groups" });

        (await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups", Compliance)).Items.Select(g => g.Id).ShouldBe([aksu, ekibastuz]);
        (await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups?area=Aksu", Compliance)).Items.Single().Id.ShouldBe(aksu);
        (await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups?activeOn=2017-10-15", Compliance)).Items.Single().Id.ShouldBe(ekibastuz);
        (await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups?activeOn=2019-01-01", Compliance)).Items.Single().Id.ShouldBe(aksu);
        var page = await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups?pageSize=1&page=2", Compliance);
        (page.TotalItems, page.Items.Single().Id).ShouldBe((2, ekibastuz));
        var september = await GetAsync<MobileGroupsSummary>("/api/mobile-groups/summary?from=2017-09-01&to=2017-09-30", Compliance);
        (september.GroupsFormed, september.GroupsActive).ShouldBe((2, 0));
    }

    [Fact]
    public async Task each_rule_is_answered_409()
    {
        var id = (await FormAsync()).Id;
        (await RefusedAsync($"/api/mobile-groups/{id}/visits", new { expectedVersion = 1, heldOn = "2017-09-30", place = "x", @checked = "y" }, 409, Compliance))
            .Rule.ShouldBe("visit-before-start");
        (await RefusedAsync($"/api/mobile-groups/{id}/visits", new { expectedVersion = 1, heldOn = "2017-10-05", place = "x", @checked = "y", plannedVisit = 1 }, 409, Compliance))
            .Rule.ShouldBe("no-such-planned-visit");
        (await RefusedAsync($"/api/mobile-groups/{id}/members", new { expectedVersion = 1, member = new { fullName = "b. seitova", body = "Public" }, joinedOn = "2017-10-02" },
            409, Compliance)).Rule.ShouldBe("member-already-in-group");
        (await RefusedAsync($"/api/mobile-groups/{id}/members", new { expectedVersion = 1, member = new { fullName = "F. Ivanov", body = "Public", role = "head" }, joinedOn = "2017-10-02" },
            409, Compliance)).Rule.ShouldBe("group-has-a-head");
        (await RefusedAsync($"/api/mobile-groups/{id}/departures", new { expectedVersion = 1, fullName = "Nobody", leftOn = "2017-10-02" }, 409, Compliance))
            .Rule.ShouldBe("not-a-group-member");
        (await RefusedAsync($"/api/mobile-groups/{id}/schedule", new
        {
            expectedVersion = 1, approvedOn = "2017-09-20", approvedBy = "Akim", visits = new[] { new { date = "2017-09-25", place = "x", topic = "y" } }
        }, 409, Compliance)).Rule.ShouldBe("planned-visit-before-start");
        await CommandAsync(id, "schedule", Schedule(1));
        (await RefusedAsync($"/api/mobile-groups/{id}/schedule", Schedule(2), 409, Compliance)).Rule.ShouldBe("schedule-already-approved");
        await CommandAsync(id, "visits", new { expectedVersion = 2, heldOn = "2017-10-05", place = "x", @checked = "y", plannedVisit = 1 });
        (await RefusedAsync($"/api/mobile-groups/{id}/visits", new { expectedVersion = 3, heldOn = "2017-10-06", place = "x", @checked = "y", plannedVisit = 1 }, 409, Compliance))
            .Rule.ShouldBe("planned-visit-already-held");
        (await RefusedAsync($"/api/mobile-groups/{id}/disbandment", new { expectedVersion = 3, disbandedOn = "2017-10-04", reason = "x" }, 409, Compliance))
            .Rule.ShouldBe("date-before-last-visit");
        (await RefusedAsync($"/api/mobile-groups/{id}/disbandment", new { expectedVersion = 2, disbandedOn = "2017-12-31", reason = "x" }, 409, Compliance))
            .Rule.ShouldBe("stale-version");
        await CommandAsync(id, "disbandment", new { expectedVersion = 3, disbandedOn = "2017-12-31", reason = "x" });
        (await RefusedAsync($"/api/mobile-groups/{id}/visits", new { expectedVersion = 4, heldOn = "2018-01-05", place = "x", @checked = "y" }, 409, Compliance))
            .Rule.ShouldBe("group-disbanded");
        (await RefusedAsync($"/api/mobile-groups/{id}/members", new { expectedVersion = 4, member = new { fullName = "G", body = "Public" }, joinedOn = "2017-09-01" }, 409, Compliance))
            .Rule.ShouldBe("group-disbanded");
    }

    [Fact]
    public async Task bad_input_is_400_and_unknown_ones_are_404()
    {
        var invalid = await RefusedAsync("/api/mobile-groups", new
        {
            name = "", area = "Aksu", formedOn = "2017-09-15", startsOn = "2017-09-01",
            members = new[] { new { fullName = "A", body = "", organisationCode = "Not a code" } }
        }, 400, Compliance);
        invalid.Errors!.Keys.ShouldBe(["name", "startsOn"], ignoreOrder: true);
        (await RefusedAsync("/api/mobile-groups", new
        {
            name = "G", area = "Aksu", formedOn = "2017-09-15", startsOn = "2017-10-01",
            members = new[] { new { fullName = "A", body = "", organisationCode = "Not a code" } }
        }, 400, Compliance)).Errors!.Keys.ShouldBe(["members[0].body", "members[0].organisationCode"], ignoreOrder: true);
        (await RefusedAsync("/api/mobile-groups", new
        {
            name = "G", area = "Aksu", formedOn = "2017-09-15", startsOn = "2017-10-01",
            members = new[] { new { fullName = "A", body = "B", role = "head" }, new { fullName = " a ", body = "C", role = "head" } }
        }, 400, Compliance)).Errors!["members"].Length.ShouldBe(2);

        var id = (await FormAsync()).Id;
        (await RefusedAsync($"/api/mobile-groups/{id}/visits", new
        {
            expectedVersion = 1, heldOn = "2017-10-05", place = "x", @checked = "", findings = new[] { new { description = "d", ledTo = "referral" } }
        }, 400, Compliance)).Errors!.Keys.ShouldBe(["checked", "findings[0].referredTo"], ignoreOrder: true);
        (await RefusedAsync("/api/mobile-groups/summary?from=2017-10-01", null, 400, Compliance)).Errors!.Keys.ShouldBe(["to"]);
        await RefusedAsync($"/api/mobile-groups/{Guid.CreateVersion7()}", null, 404, Compliance);
        await RefusedAsync($"/api/mobile-groups/{Guid.CreateVersion7()}/visits", new { expectedVersion = 1, heldOn = "2017-10-05", place = "x", @checked = "y" }, 404, Compliance);
    }

    [Fact]
    public async Task another_organisations_group_is_unknown()
    {
        var id = (await FormAsync()).Id;
        var theirs = App.Token(OtherOrg, Roles.Compliance);
        await RefusedAsync($"/api/mobile-groups/{id}", null, 404, theirs);
        await RefusedAsync($"/api/mobile-groups/{id}/schedule", Schedule(1), 404, theirs);
        (await GetAsync<Paged<MobileGroupDetails>>("/api/mobile-groups", theirs)).Items.ShouldBeEmpty();
        (await GetAsync<MobileGroupsSummary>("/api/mobile-groups/summary?from=2017-01-01&to=2017-12-31", theirs)).Groups.ShouldBeEmpty();
    }
}
