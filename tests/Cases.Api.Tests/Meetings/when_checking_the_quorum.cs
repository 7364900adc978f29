using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Meetings;

public class when_checking_the_quorum(MeetingApiApp app) : MeetingApiTests(app)
{
    [Fact]
    public async Task a_meeting_without_more_than_half_of_the_voting_members_is_not_opened()
    {
        var meeting = await ScheduleAsync(await CommissionAsync());
        // The secretary is present but does not vote, so two of five voting members are no quorum.
        var version = (await MeetingCommandAsync(meeting.Id, "attendance",
            new { expectedVersion = meeting.Version, present = new[] { Chair, "M-2", Secretary } })).Version;
        var events = await App.CountAllEventsAsync();

        var refusal = await RefusedAsync($"/api/meetings/{meeting.Id}/opening", new { expectedVersion = version }, 409, SecretaryToken);

        refusal.Rule.ShouldBe("no-quorum");
        refusal.Detail.ShouldBe("2 of the 5 voting members in office are present; Disciplinary commission needs 3 to open a meeting.");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task members_released_before_the_day_do_not_count()
    {
        var commissionId = await CommissionAsync();
        var commission = await GetAsync<Domain.Commissions.Commission>($"/api/commissions/{commissionId}", SecretaryToken);
        var version = commission.Version;
        foreach (var gone in new[] { "M-4", "M-5" })
        {
            version = (await PostAsync<Written>($"/api/commissions/{commissionId}/releases",
                new { expectedVersion = version, personnelNumber = gone, until = "2021-11-01" }, SecretaryToken)).Version;
        }

        // Three voting members remain in office, so two present are a quorum.
        var (meetingId, _) = await OpenMeetingAsync(commissionId, [Chair, "M-2"]);

        var minutes = await MeetingAsync(meetingId);
        minutes.QuorumRequired.ShouldBe(2);
        minutes.InOffice.Select(m => m.PersonnelNumber).ShouldBe([Chair, "M-2", "M-3", Secretary], ignoreOrder: true);
    }

    [Fact]
    public async Task a_two_thirds_rule_needs_four_of_five()
    {
        var meeting = await ScheduleAsync(await CommissionAsync(quorum: "two-thirds"));
        var version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = new[] { Chair, "M-2", "M-3" } })).Version;

        (await RefusedAsync($"/api/meetings/{meeting.Id}/opening", new { expectedVersion = version }, 409, SecretaryToken)).Rule.ShouldBe("no-quorum");

        version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = version, present = new[] { Chair, "M-2", "M-3", "M-4" } })).Version;
        await MeetingCommandAsync(meeting.Id, "opening", new { expectedVersion = version });
    }

    [Fact]
    public async Task an_item_whose_recusals_leave_too_few_voters_gets_no_decision()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), [Chair, "M-2", "M-3"]);
        version = (await MeetingCommandAsync(meetingId, "conflicts",
            new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-3", ground = "found", reason = "Married to the department head" })).Version;
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"));
        var events = await App.CountAllEventsAsync();

        var refusal = await RefusedAsync($"/api/meetings/{meetingId}/resolutions", Proposal(version), 409, SecretaryToken);

        refusal.Rule.ShouldBe("no-quorum");
        refusal.Detail.ShouldBe("Only 2 members present may vote on item 1; the commission needs 3.");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_member_leaving_mid_meeting_can_break_the_quorum_of_later_items()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), [Chair, "M-2", "M-3"]);
        version = (await MeetingCommandAsync(meetingId, "attendance", new { expectedVersion = version, present = new[] { Chair, "M-2" } })).Version;

        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-3", vote = "for" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("member-absent");
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"));
        (await RefusedAsync($"/api/meetings/{meetingId}/resolutions", Proposal(version), 409, SecretaryToken)).Rule.ShouldBe("no-quorum");
    }
}
