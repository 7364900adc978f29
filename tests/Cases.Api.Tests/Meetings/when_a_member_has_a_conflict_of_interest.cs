using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Meetings;

namespace Cases.Api.Tests.Meetings;

public class when_a_member_has_a_conflict_of_interest(MeetingApiApp app) : MeetingApiTests(app)
{
    [Fact]
    public async Task a_member_who_is_the_cases_subject_is_recused_when_the_meeting_opens()
    {
        var commissionId = await CommissionAsync(voters: [Chair, "M-2", "M-3", "M-4", CaseSubject]);
        var caseId = await ReferredCaseAsync();

        var (meetingId, version) = await OpenMeetingAsync(commissionId, [Chair, "M-2", "M-3", CaseSubject],
            new { caseId }, new { question = "Plan of the commission for 2022" });

        var minutes = await MeetingAsync(meetingId);
        minutes.Agenda[0].Recusals.Single().ShouldBe(new Projections.Meetings.Recusal(CaseSubject, RecusalGround.SubjectOfCase,
            $"Member {CaseSubject} is a subject of case {minutes.Agenda[0].CaseNumber}."));
        minutes.Agenda[1].Recusals.ShouldBeEmpty();
        var events = await App.CountAllEventsAsync();
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = CaseSubject, vote = "against" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("member-recused");
        (await App.CountAllEventsAsync()).ShouldBe(events);
        // On the other item the same member votes as usual.
        await VoteAsync(meetingId, version, 2, (CaseSubject, "for"));
    }

    [Fact]
    public async Task a_member_who_complained_is_recused_even_arriving_late()
    {
        var commissionId = await CommissionAsync();
        var caseId = await ReferredCaseAsync(complainantEmployee: "M-5");
        var (meetingId, version) = await OpenMeetingAsync(commissionId, [Chair, "M-2", "M-3"], new { caseId });

        await MeetingCommandAsync(meetingId, "attendance", new { expectedVersion = version, present = new[] { Chair, "M-2", "M-3", "M-5" } });

        var recusal = (await MeetingAsync(meetingId)).Agenda[0].Recusals.Single();
        recusal.PersonnelNumber.ShouldBe("M-5");
        recusal.Ground.ShouldBe(RecusalGround.ComplainantOfCase);
    }

    [Fact]
    public async Task a_member_declares_their_own_conflict_and_can_no_longer_vote_on_the_item()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);

        var declared = await PostAsync<Written>($"/api/meetings/{meetingId}/conflicts",
            new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "declared", reason = "The department head is my sister" },
            MemberToken("M-2"));

        (await MeetingAsync(meetingId)).Agenda[0].Recusals.Single().Ground.ShouldBe(RecusalGround.Declared);
        (await RefusedAsync($"/api/meetings/{meetingId}/votes",
                new { expectedVersion = declared.Version, itemNumber = 1, votes = new[] { new { personnelNumber = "M-2", vote = "for" } } }, 409, SecretaryToken))
            .Rule.ShouldBe("member-recused");
        (await RefusedAsync($"/api/meetings/{meetingId}/conflicts",
                new { expectedVersion = declared.Version, itemNumber = 1, personnelNumber = "M-2", ground = "found", reason = "Again" }, 409, SecretaryToken))
            .Rule.ShouldBe("already-recused");
    }

    [Fact]
    public async Task a_member_cannot_declare_for_someone_else_nor_find_a_conflict()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        var events = await App.CountAllEventsAsync();

        await RefusedAsync($"/api/meetings/{meetingId}/conflicts",
            new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-3", ground = "declared", reason = "He is biased" }, 403, MemberToken("M-2"));
        await RefusedAsync($"/api/meetings/{meetingId}/conflicts",
            new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "found", reason = "I find myself conflicted" }, 403, MemberToken("M-2"));

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_member_declaring_before_the_meeting_opens_is_told_so()
    {
        var meeting = await ScheduleAsync(await CommissionAsync());

        (await RefusedAsync($"/api/meetings/{meeting.Id}/conflicts",
                new { expectedVersion = meeting.Version, itemNumber = 1, personnelNumber = "M-2", ground = "declared", reason = "Sister" }, 409, MemberToken("M-2")))
            .Rule.ShouldBe("meeting-not-open");
    }

    [Fact]
    public async Task a_conflict_is_raised_before_the_vote_not_after()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, ("M-2", "for"));

        (await RefusedAsync($"/api/meetings/{meetingId}/conflicts",
                new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "found", reason = "Late news" }, 409, SecretaryToken))
            .Rule.ShouldBe("vote-already-cast");
    }

    [Fact]
    public async Task automatic_grounds_cannot_be_claimed_by_hand()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);

        (await RefusedAsync($"/api/meetings/{meetingId}/conflicts",
                new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "subject-of-case", reason = "x" }, 400, SecretaryToken))
            .Errors!.ShouldContainKey("ground");
    }
}
