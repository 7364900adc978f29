using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Meetings;

public class when_holding_a_meeting(MeetingApiApp app) : MeetingApiTests(app)
{
    [Fact]
    public async Task the_minutes_record_agenda_attendance_votes_and_numbered_decisions()
    {
        var commissionId = await CommissionAsync();
        var caseId = await ReferredCaseAsync();
        var scheduled = await ScheduleAsync(commissionId,
            new { caseId },
            new { question = "Report of the compliance service for 10 months" });

        var version = (await MeetingCommandAsync(scheduled.Id, "attendance",
            new { expectedVersion = scheduled.Version, present = new[] { Chair, "M-2", "M-3", "M-4", Secretary } })).Version;
        version = (await MeetingCommandAsync(scheduled.Id, "opening", new { expectedVersion = version })).Version;
        version = await VoteAsync(scheduled.Id, version, 1, (Chair, "for"), ("M-2", "for"), ("M-3", "for"), ("M-4", "against"));
        var first = await ResolveAsync(scheduled.Id, Proposal(version));
        first.Adopted.ShouldBeTrue();
        first.ProtocolNumber.ShouldBe("1/2021-1");
        (first.For, first.Against, first.Abstained).ShouldBe((3, 1, 0));

        version = await VoteAsync(scheduled.Id, first.Version, 2, (Chair, "for"), ("M-2", "for"), ("M-3", "for"), ("M-4", "for"));
        var second = await ResolveAsync(scheduled.Id, Proposal(version, item: 2, executor: "Compliance service"));
        second.ProtocolNumber.ShouldBe("1/2021-2");
        var signed = await MeetingCommandAsync(scheduled.Id, "signature", new { expectedVersion = second.Version });

        var minutes = await MeetingAsync(scheduled.Id);
        minutes.StreamVersion.ShouldBe(signed.Version);
        minutes.Status.ShouldBe(MeetingStatus.Closed);
        minutes.Reference.ShouldBe("1/2021");
        minutes.HeldOn.ShouldBe(new DateOnly(2021, 11, 15));
        minutes.Present.ShouldBe([Chair, "M-2", "M-3", "M-4", Secretary]);
        minutes.InOffice.Count.ShouldBe(6);
        minutes.QuorumRequired.ShouldBe(3);
        minutes.Agenda[0].CaseId.ShouldBe(caseId);
        minutes.Agenda[0].Question.ShouldStartWith("Case 2021-");
        minutes.Agenda[0].Votes.Count.ShouldBe(4);
        minutes.Agenda[0].Outcome!.Adopted.ShouldBeTrue();
        minutes.Agenda[0].Decision!.ProtocolNumber.ShouldBe("1/2021-1");
        minutes.Agenda[1].Decision!.Executor.Name.ShouldBe("Compliance service");
        minutes.SignedOn.ShouldBe(new DateOnly(2021, 11, 15));

        var decision = await DecisionAsync(first.DecisionId!.Value);
        decision.CaseId.ShouldBe(caseId);
        decision.Status.ShouldBe(DecisionStatus.Open);
        decision.DueDate.ShouldBe(new DateOnly(2021, 12, 15));
        (await GetAsync<DecisionSummary[]>($"/api/cases/{caseId}/decisions", SecretaryToken)).Single().Id.ShouldBe(first.DecisionId!.Value);
    }

    [Fact]
    public async Task meetings_held_are_numbered_per_commission_and_year()
    {
        var disciplinary = await CommissionAsync();
        var ethics = await CommissionAsync();
        var cancelled = await ScheduleAsync(disciplinary);
        await MeetingCommandAsync(cancelled.Id, "cancellation", new { expectedVersion = cancelled.Version, reason = "No agenda" });

        var first = await OpenMeetingAsync(disciplinary, Voters);
        var second = await OpenMeetingAsync(disciplinary, Voters);
        var ethicsFirst = await OpenMeetingAsync(ethics, Voters);

        (await MeetingAsync(cancelled.Id)).Reference.ShouldBeNull();
        (await MeetingAsync(first.Id)).Reference.ShouldBe("1/2021");
        (await MeetingAsync(second.Id)).Reference.ShouldBe("2/2021");
        (await MeetingAsync(ethicsFirst.Id)).Reference.ShouldBe("1/2021");
        (await GetAsync<Paged<MeetingDetails>>($"/api/meetings?commissionId={disciplinary}", App.Token(Org, Roles.Member))).TotalItems.ShouldBe(3);
        (await GetAsync<Paged<MeetingDetails>>($"/api/meetings?commissionId={disciplinary}&status=open", SecretaryToken)).Items
            .Select(m => m.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task an_auditor_replays_a_meeting_as_of_each_version()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        var auditor = App.Token(Org, Roles.Auditor);

        var history = await GetAsync<RecordedEvent[]>($"/api/meetings/{meetingId}/history", auditor);

        history.Select(e => (e.Version, e.Type)).ShouldBe([(1L, "meeting_scheduled"), (2L, "attendance_recorded"), (3L, "meeting_opened")]);
        history.Last().Version.ShouldBe(version);
        (await GetAsync<Meeting>($"/api/meetings/{meetingId}/as-of?version=2", auditor)).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MeetingStatus.Scheduled),
            m => m.Present.ShouldBe(Voters));
        (await GetAsync<Meeting>($"/api/meetings/{meetingId}/as-of?version=3", auditor)).ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MeetingStatus.Open),
            m => m.Number.ShouldBe(1),
            m => m.QuorumRequired.ShouldBe(3));
    }

    [Fact]
    public async Task a_meeting_time_is_kept_on_the_organisations_clock()
    {
        // 20:00 UTC on 14 November is 02:00 on 15 November in Almaty.
        var meeting = await PostAsync<MeetingScheduledResponse>("/api/meetings", new
        {
            commissionId = await CommissionAsync(),
            scheduledFor = "2021-11-14T20:00:00Z",
            place = "Room 1",
            agenda = new[] { new { question = "Night session" } }
        }, SecretaryToken, 201);

        var details = await MeetingAsync(meeting.Id);
        details.ScheduledOn.ShouldBe(new DateOnly(2021, 11, 15));
        details.ScheduledFor.Offset.ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task signed_minutes_refuse_every_change_but_take_corrections()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = (await MeetingCommandAsync(meetingId, "signature", new { expectedVersion = version })).Version;
        var events = await App.CountAllEventsAsync();

        foreach (var (action, body) in new (string, object)[]
                 {
                     ("votes", new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = Chair, vote = "for" } } }),
                     ("resolutions", Proposal(version)),
                     ("attendance", new { expectedVersion = version, present = Voters }),
                     ("conflicts", new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "found", reason = "Relative" }),
                     ("signature", new { expectedVersion = version }),
                     ("cancellation", new { expectedVersion = version, reason = "Too late" }),
                     ("rescheduling", new { expectedVersion = version, scheduledFor = "2021-11-16T10:00:00+06:00", reason = "Too late" })
                 })
        {
            (await RefusedAsync($"/api/meetings/{meetingId}/{action}", body, 409, SecretaryToken)).Rule.ShouldBe("minutes-signed", action);
        }
        (await App.CountAllEventsAsync()).ShouldBe(events);

        await MeetingCommandAsync(meetingId, "corrections", new { expectedVersion = version, itemNumber = 1, correction = "The report covered 10 months, not 9." });
        var minutes = await MeetingAsync(meetingId);
        minutes.Corrections.Single().ItemNumber.ShouldBe(1);
        minutes.Status.ShouldBe(MeetingStatus.Closed);
        minutes.Reference.ShouldBe("1/2021");
    }

    [Fact]
    public async Task a_correction_before_signing_is_refused()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);

        (await RefusedAsync($"/api/meetings/{meetingId}/corrections", new { expectedVersion = version, correction = "x" }, 409, SecretaryToken))
            .Rule.ShouldBe("minutes-not-signed");
    }

    [Fact]
    public async Task a_scheduled_meeting_can_be_rescheduled_or_cancelled_but_not_once_open()
    {
        var scheduled = await ScheduleAsync(await CommissionAsync());
        var version = (await MeetingCommandAsync(scheduled.Id, "rescheduling",
            new { expectedVersion = scheduled.Version, scheduledFor = "2021-11-16T15:00:00+06:00", reason = "Chair on a business trip" })).Version;
        var moved = await MeetingAsync(scheduled.Id);
        moved.ScheduledOn.ShouldBe(new DateOnly(2021, 11, 16));
        moved.Reschedulings.Single().Reason.ShouldBe("Chair on a business trip");

        await MeetingCommandAsync(scheduled.Id, "cancellation", new { expectedVersion = version, reason = "Agenda withdrawn" });
        (await MeetingAsync(scheduled.Id)).Status.ShouldBe(MeetingStatus.Cancelled);

        var (openId, openVersion) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        (await RefusedAsync($"/api/meetings/{openId}/cancellation", new { expectedVersion = openVersion, reason = "x" }, 409, SecretaryToken))
            .Rule.ShouldBe("meeting-already-open");
    }

    [Fact]
    public async Task a_meeting_is_not_opened_before_its_day()
    {
        var meeting = await PostAsync<MeetingScheduledResponse>("/api/meetings", new
        {
            commissionId = await CommissionAsync(),
            scheduledFor = "2021-11-20T10:00:00+06:00",
            place = "Room 1",
            agenda = new[] { new { question = "Plan for 2022" } }
        }, SecretaryToken, 201);
        var version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = Voters })).Version;

        (await RefusedAsync($"/api/meetings/{meeting.Id}/opening", new { expectedVersion = version }, 409, SecretaryToken))
            .Rule.ShouldBe("not-the-scheduled-day");
    }

    [Fact]
    public async Task only_a_case_referred_to_a_commission_goes_on_its_agenda()
    {
        var commissionId = await CommissionAsync();
        var (caseId, _) = await CaseAtAsync(CaseStep.Assigned);
        var events = await App.CountAllEventsAsync();

        (await RefusedAsync("/api/meetings", new { commissionId, scheduledFor = MeetingTime, place = "Room 1", agenda = new[] { new { caseId } } }, 409, SecretaryToken))
            .Rule.ShouldBe("case-not-referred");
        (await RefusedAsync("/api/meetings", new { commissionId, scheduledFor = MeetingTime, place = "Room 1", agenda = new[] { new { caseId = Guid.CreateVersion7() } } }, 409, SecretaryToken))
            .Rule.ShouldBe("no-such-case");
        (await RefusedAsync("/api/meetings", new { commissionId = Guid.CreateVersion7(), scheduledFor = MeetingTime, place = "Room 1", agenda = new[] { new { question = "q" } } }, 404, SecretaryToken))
            .Status.ShouldBe(404);
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task null_items_in_lists_are_400_not_500()
    {
        var commissionId = await CommissionAsync();
        (await RefusedAsync("/api/meetings", null, 400, SecretaryToken,
                rawJson: $$"""{"commissionId":"{{commissionId}}","scheduledFor":"{{MeetingTime}}","place":"Room","agenda":[null]}"""))
            .Errors!.ShouldContainKey("agenda[0]");
        var (meetingId, version) = await OpenMeetingAsync(commissionId, Voters);
        (await RefusedAsync($"/api/meetings/{meetingId}/votes", null, 400, SecretaryToken,
                rawJson: $$"""{"expectedVersion":{{version}},"itemNumber":1,"votes":[null]}"""))
            .Errors!.ShouldContainKey("votes");
    }

    [Fact]
    public async Task the_decisions_of_an_unknown_case_are_404()
    {
        await RefusedAsync($"/api/cases/{Guid.CreateVersion7()}/decisions", null, 404, SecretaryToken);
        var caseId = await ReferredCaseAsync();
        (await GetAsync<DecisionSummary[]>($"/api/cases/{caseId}/decisions", SecretaryToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task attendance_names_only_members_in_office_that_day()
    {
        var commissionId = await CommissionAsync();
        var commission = await GetAsync<Domain.Commissions.Commission>($"/api/commissions/{commissionId}", SecretaryToken);
        await PostAsync<Written>($"/api/commissions/{commissionId}/releases",
            new { expectedVersion = commission.Version, personnelNumber = "M-5", until = "2021-10-31" }, SecretaryToken);
        var meeting = await ScheduleAsync(commissionId);

        (await RefusedAsync($"/api/meetings/{meeting.Id}/attendance", new { expectedVersion = meeting.Version, present = new[] { Chair, "M-5" } }, 409, SecretaryToken))
            .Rule.ShouldBe("not-a-member");
        (await RefusedAsync($"/api/meetings/{meeting.Id}/attendance", new { expectedVersion = meeting.Version, present = new[] { "X-9" } }, 409, SecretaryToken))
            .Rule.ShouldBe("not-a-member");
    }
}
