using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Meetings;

/// <summary>The regional commission hearing the heads of the health care and education departments (seed 001).</summary>
public class when_hearing_on_an_agenda_item(MeetingApiApp app) : MeetingApiTests(app)
{
    private static object Hearing(long version, string fullName = "Mukashev O.", int item = 1) => new
    {
        expectedVersion = version,
        itemNumber = item,
        fullName,
        position = "Head of the department",
        body = "Regional health care department",
        subject = "The state of work on eliminating corruption risks and improving the quality of public services"
    };

    [Fact]
    public async Task the_minutes_say_who_was_heard_on_what()
    {
        var commissionId = await CommissionAsync();
        var (id, version) = await OpenMeetingAsync(commissionId, Voters, new { question = "Eliminating corruption risks in health care and education" });

        version = (await MeetingCommandAsync(id, "hearings", Hearing(version))).Version;
        var second = await MeetingCommandAsync(id, "hearings", Hearing(version, "Bolathanuly D."));

        var minutes = await MeetingAsync(id);
        minutes.StreamVersion.ShouldBe(second.Version);
        minutes.Agenda.Single().Heard.Select(h => h.FullName).ShouldBe(["Mukashev O.", "Bolathanuly D."]);
        minutes.Agenda.Single().Heard[0].Body.ShouldBe("Regional health care department");
    }

    [Fact]
    public async Task a_hearing_needs_a_meeting_in_session_and_an_item_of_its_agenda()
    {
        var commissionId = await CommissionAsync();
        var scheduled = await ScheduleAsync(commissionId);
        (await RefusedAsync($"/api/meetings/{scheduled.Id}/hearings", Hearing(scheduled.Version), 409, SecretaryToken)).Rule.ShouldBe("meeting-not-open");

        var (id, version) = await OpenMeetingAsync(commissionId, Voters);
        (await RefusedAsync($"/api/meetings/{id}/hearings", Hearing(version, item: 2), 409, SecretaryToken)).Rule.ShouldBe("no-such-item");
        version = (await MeetingCommandAsync(id, "hearings", Hearing(version))).Version;
        (await RefusedAsync($"/api/meetings/{id}/hearings", Hearing(version), 409, SecretaryToken)).Rule.ShouldBe("already-heard");
        (await RefusedAsync($"/api/meetings/{id}/hearings", Hearing(version - 1, "Bolathanuly D."), 409, SecretaryToken)).Rule.ShouldBe("stale-version");
        (await RefusedAsync($"/api/meetings/{id}/hearings", new { expectedVersion = version, itemNumber = 0, fullName = "", position = "x", body = "y", subject = "z" },
            400, SecretaryToken)).Errors!.Keys.ShouldBe(["itemNumber", "fullName"], ignoreOrder: true);
        await RefusedAsync($"/api/meetings/{id}/hearings", Hearing(version, "Bolathanuly D."), 403, App.Token(Org, Roles.Member));
    }
}
