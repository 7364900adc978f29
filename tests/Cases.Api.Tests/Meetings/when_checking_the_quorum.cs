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
}
