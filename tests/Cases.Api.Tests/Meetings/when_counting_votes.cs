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
    public async Task every_member_who_may_vote_must_have_voted_and_only_once()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "for"));

        (await RefusedAsync($"/api/meetings/{meetingId}/resolutions", Proposal(version), 409, SecretaryToken)).Rule.ShouldBe("votes-missing");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-2", vote = "against" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("already-voted");
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-4", vote = "for" }, new { personnelNumber = "M-4", vote = "against" } } }, 400, SecretaryToken))
            .Errors!.ShouldContainKey("votes");
    }
}
