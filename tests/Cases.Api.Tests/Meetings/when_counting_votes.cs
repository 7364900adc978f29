using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Meetings;

public class when_counting_votes(MeetingApiApp app) : MeetingApiTests(app)
{
    [Fact]
    public async Task a_majority_of_the_members_present_adopts_the_decision()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "for"), ("M-4", "against"), ("M-5", "abstain"));

        var resolved = await ResolveAsync(meetingId, Proposal(version));

        resolved.Adopted.ShouldBeTrue();
        (resolved.For, resolved.Against, resolved.Abstained).ShouldBe((3, 1, 1));
        resolved.ProtocolNumber.ShouldBe("1/2021-1");
    }

    [Fact]
    public async Task abstentions_can_deny_a_majority_of_those_present()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "against"), ("M-4", "abstain"), ("M-5", "abstain"));

        var resolved = await ResolveAsync(meetingId, Proposal(version));

        resolved.Adopted.ShouldBeFalse();
        resolved.DecisionId.ShouldBeNull();
        resolved.ProtocolNumber.ShouldBeNull();
        var minutes = await MeetingAsync(meetingId);
        minutes.Agenda[0].Outcome!.Adopted.ShouldBeFalse();
        minutes.Agenda[0].Decision.ShouldBeNull();
        (await GetAsync<Paged<DecisionSummary>>("/api/decisions", SecretaryToken)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task under_more_for_than_against_the_same_votes_adopt_it()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(majority: "more-for-than-against"), Voters);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "against"), ("M-4", "abstain"), ("M-5", "abstain"));

        (await ResolveAsync(meetingId, Proposal(version))).Adopted.ShouldBeTrue();
    }

    [Fact]
    public async Task a_tie_is_not_a_majority()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), [Chair, "M-2", "M-3", "M-4"]);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "against"), ("M-4", "against"));

        var resolved = await ResolveAsync(meetingId, Proposal(version));

        resolved.Adopted.ShouldBeFalse();
        resolved.CastingVoteUsed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("for", true)]
    [InlineData("against", false)]
    public async Task a_chair_with_the_casting_vote_breaks_a_tie(string chairVote, bool adopted)
    {
        var other = chairVote == "for" ? "against" : "for";
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(chairHasCastingVote: true), [Chair, "M-2", "M-3", "M-4"]);
        version = await VoteAsync(meetingId, version, 1, (Chair, chairVote), ("M-2", chairVote), ("M-3", other), ("M-4", other));

        var resolved = await ResolveAsync(meetingId, Proposal(version));

        resolved.Adopted.ShouldBe(adopted);
        resolved.CastingVoteUsed.ShouldBeTrue();
    }

    [Fact]
    public async Task every_member_who_may_vote_must_have_voted_and_only_once()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "for"));

        (await RefusedAsync($"/api/meetings/{meetingId}/resolutions", Proposal(version), 409, SecretaryToken)).Rule.ShouldBe("votes-missing");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-2", vote = "against" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("already-voted");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = Secretary, vote = "for" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("not-a-voting-member");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 7, votes = new[] { new { personnelNumber = "M-4", vote = "for" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("no-such-item");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-4", vote = "for" }, new { personnelNumber = "M-4", vote = "against" } } }, 400, SecretaryToken))
            .Errors!.ShouldContainKey("votes");
    }

    [Fact]
    public async Task a_resolved_item_takes_no_more_votes_or_proposals()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, Voters.Select(v => (v, "for")).ToArray());
        version = (await ResolveAsync(meetingId, Proposal(version))).Version;

        (await RefusedAsync($"/api/meetings/{meetingId}/resolutions", Proposal(version), 409, SecretaryToken)).Rule.ShouldBe("item-resolved");
    }

    [Fact]
    public async Task votes_are_refused_before_the_meeting_opens()
    {
        var meeting = await ScheduleAsync(await CommissionAsync());

        (await RefusedAsync($"/api/meetings/{meeting.Id}/votes",
                new { expectedVersion = meeting.Version, itemNumber = 1, votes = new[] { new { personnelNumber = Chair, vote = "for" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("meeting-not-open");
    }
}
