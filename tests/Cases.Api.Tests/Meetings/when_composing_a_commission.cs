using Cases.Api.Commissions;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Commissions;

namespace Cases.Api.Tests.Meetings;

public class when_composing_a_commission(MeetingApiApp app) : MeetingApiTests(app)
{
    private Task<Commission> ReadAsync(Guid id) => GetAsync<Commission>($"/api/commissions/{id}", SecretaryToken);

    [Fact]
    public async Task its_composition_is_kept_over_time_with_each_members_period()
    {
        var id = await CommissionAsync();
        var before = await ReadAsync(id);
        var version = (await PostAsync<Written>($"/api/commissions/{id}/releases",
            new { expectedVersion = before.Version, personnelNumber = "M-5", until = "2021-06-30" }, SecretaryToken)).Version;
        await AppointAsync(id, version, "M-6", "deputy-chair", from: "2021-07-01");

        var commission = await ReadAsync(id);

        commission.Name.ShouldBe("Disciplinary commission");
        commission.Kind.ShouldBe(CommissionKind.Disciplinary);
        commission.Quorum.ShouldBe(QuorumRule.MoreThanHalf);
        commission.Members.Single(m => m.PersonnelNumber == "M-5").Until.ShouldBe(new DateOnly(2021, 6, 30));
        commission.Members.Single(m => m.PersonnelNumber == "M-6").Role.ShouldBe(MemberRole.DeputyChair);
        commission.InOffice(new DateOnly(2021, 6, 30)).Select(m => m.PersonnelNumber).ShouldContain("M-5");
        commission.InOffice(new DateOnly(2021, 7, 1)).Select(m => m.PersonnelNumber).ShouldNotContain("M-5");
        commission.Version.ShouldBe(version + 1);
        (await GetAsync<Commission[]>("/api/commissions", App.Token(Org, Roles.Member))).Single().Id.ShouldBe(id);
    }

    [Fact]
    public async Task its_quorum_majority_and_casting_vote_rules_are_kept_as_established()
    {
        var created = await PostAsync<CommissionEstablishedResponse>("/api/commissions", new
        {
            name = "Ethics commission", kind = "ethics", establishedOn = "2021-01-04",
            quorum = "two-thirds", majority = "more-for-than-against", chairHasCastingVote = true
        }, SecretaryToken, 201);

        var commission = await ReadAsync(created.Id);

        (commission.Quorum, commission.Majority, commission.ChairHasCastingVote).ShouldBe((QuorumRule.TwoThirds, MajorityRule.MoreForThanAgainst, true));
        (commission.Kind, commission.EstablishedOn).ShouldBe((CommissionKind.Ethics, new DateOnly(2021, 1, 4)));
    }

    [Fact]
    public async Task a_sitting_member_is_not_appointed_twice_and_a_chair_is_not_doubled()
    {
        var id = await CommissionAsync();
        var version = (await ReadAsync(id)).Version;
        var events = await App.CountAllEventsAsync();

        (await RefusedAsync($"/api/commissions/{id}/appointments",
                new { expectedVersion = version, personnelNumber = "M-2", fullName = "Again", role = "member", from = "2021-05-01" }, 409, SecretaryToken))
            .Rule.ShouldBe("already-a-member");
        (await RefusedAsync($"/api/commissions/{id}/appointments",
                new { expectedVersion = version, personnelNumber = "M-7", fullName = "Second chair", role = "chair", from = "2021-05-01" }, 409, SecretaryToken))
            .Rule.ShouldBe("role-taken");
        (await RefusedAsync($"/api/commissions/{id}/appointments",
                new { expectedVersion = version, personnelNumber = "M-7", fullName = "Too early", role = "member", from = "2020-12-31" }, 409, SecretaryToken))
            .Rule.ShouldBe("date-before-establishment");
        (await RefusedAsync($"/api/commissions/{id}/releases",
                new { expectedVersion = version, personnelNumber = "M-9" }, 409, SecretaryToken))
            .Rule.ShouldBe("not-a-member");
        (await RefusedAsync($"/api/commissions/{id}/releases",
                new { expectedVersion = version - 1, personnelNumber = "M-2" }, 409, SecretaryToken))
            .Rule.ShouldBe("stale-version");

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_new_chair_takes_office_after_the_old_one_leaves()
    {
        var id = await CommissionAsync();
        var version = (await PostAsync<Written>($"/api/commissions/{id}/releases",
            new { expectedVersion = (await ReadAsync(id)).Version, personnelNumber = Chair, until = "2021-08-31" }, SecretaryToken)).Version;

        await AppointAsync(id, version, "M-7", "chair", from: "2021-09-01");

        (await ReadAsync(id)).InOffice(new DateOnly(2021, 9, 1)).Single(m => m.Role == MemberRole.Chair).PersonnelNumber.ShouldBe("M-7");
    }

    [Fact]
    public async Task a_meeting_cannot_be_scheduled_for_another_organisations_commission_or_case()
    {
        var theirCommission = await CommissionAsync();
        var theirCase = await ReferredCaseAsync();
        var outsider = App.Token(OtherOrg, Roles.Secretary);
        var events = await App.CountAllEventsAsync();

        await RefusedAsync("/api/meetings",
            new { commissionId = theirCommission, scheduledFor = MeetingTime, place = "Room", agenda = new[] { new { question = "q" } } }, 404, outsider);
        var own = await PostAsync<CommissionEstablishedResponse>("/api/commissions",
            new { name = "Ethics", kind = "ethics", establishedOn = "2021-01-04" }, outsider, 201);
        (await RefusedAsync("/api/meetings",
                new { commissionId = own.Id, scheduledFor = MeetingTime, place = "Room", agenda = new[] { new { caseId = theirCase } } }, 409, outsider))
            .Rule.ShouldBe("no-such-case");

        (await App.CountAllEventsAsync()).ShouldBe(events + 1);
    }

    public static TheoryData<string, string> BadCommissions() => new()
    {
        { """{"name":"","kind":"ethics","establishedOn":"2021-01-04"}""", "name" },
        { """{"name":"E","kind":"court","establishedOn":"2021-01-04"}""", "kind" },
        { """{"name":"E","kind":"ethics","establishedOn":"2030-01-04"}""", "establishedOn" },
        { """{"name":"E","kind":"ethics","establishedOn":"2021-01-04","quorum":"one-third"}""", "quorum" },
        { """{"name":"E","kind":"ethics","establishedOn":"2021-01-04","id":"0190d5b4-0000-7000-8000-000000000000"}""", "id" },
        { """{"name":"E","kind":"ethics","establishedOn":"2021-01-04","version":5}""", "version" },
    };

    [Theory]
    [MemberData(nameof(BadCommissions))]
    public async Task a_bad_commission_is_400_with_the_field_named(string json, string field)
    {
        var problem = await RefusedAsync("/api/commissions", null, 400, SecretaryToken, rawJson: json);

        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
