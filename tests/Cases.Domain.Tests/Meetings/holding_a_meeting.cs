using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using static Cases.Domain.Tests.Meetings.MeetingHistory;

namespace Cases.Domain.Tests.Meetings;

public class opening_a_meeting
{
    [Fact]
    public void a_quorum_is_more_than_half_of_the_voting_members_in_office_and_the_secretary_does_not_count()
    {
        var refused = OpenMeetingDecision.Check(new OpenMeeting(2), Attended(Chair, "M-2", Secretary), Commission(), Now).ShouldNotBeNull();

        refused.Rule.ShouldBe("no-quorum");
        refused.Detail.ShouldBe("2 of the 5 voting members in office are present; Disciplinary commission needs 3 to open a meeting.");
        OpenMeetingDecision.Check(new OpenMeeting(2), Attended(Chair, "M-2", "M-3"), Commission(), Now).ShouldBeNull();
    }

    [Fact]
    public void a_two_thirds_rule_needs_four_of_five()
    {
        var commission = Commission(QuorumRule.TwoThirds);

        OpenMeetingDecision.Check(new OpenMeeting(2), Attended(Chair, "M-2", "M-3"), commission, Now).ShouldNotBeNull().Rule.ShouldBe("no-quorum");
        OpenMeetingDecision.Check(new OpenMeeting(2), Attended(Chair, "M-2", "M-3", "M-4"), commission, Now).ShouldBeNull();
    }

    [Fact]
    public void members_released_before_the_day_do_not_count_and_the_days_composition_is_kept()
    {
        var commission = Commission().Then(
            new CommissionMemberReleased(CommissionId, "M-4", new DateOnly(2021, 11, 1)),
            new CommissionMemberReleased(CommissionId, "M-5", new DateOnly(2021, 11, 1)));
        var attended = Attended(Chair, "M-2");

        OpenMeetingDecision.Check(new OpenMeeting(2), attended, commission, Now).ShouldBeNull();
        var opened = OpenMeetingDecision.Decide(new OpenMeeting(2), attended, commission, Now, new Dictionary<int, CaseParties>(), 3)[0]
            .ShouldBeOfType<MeetingOpened>();

        opened.QuorumRequired.ShouldBe(2);
        opened.InOffice.Select(m => m.PersonnelNumber).ShouldBe([Chair, "M-2", "M-3", Secretary], ignoreOrder: true);
        (opened.Number, opened.HeldOn).ShouldBe((3, Day));
        attended.Then(opened).Reference.ShouldBe("3/2021");
    }

    [Fact]
    public void a_meeting_opens_on_its_scheduled_day_only()
    {
        var attended = Attended(Voters);

        OpenMeetingDecision.Check(new OpenMeeting(2, Day), attended, Commission(), Now).ShouldBeNull();
        OpenMeetingDecision.Check(new OpenMeeting(2, Day.AddDays(-1)), attended, Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("not-the-scheduled-day");
        OpenMeetingDecision.Check(new OpenMeeting(2, Day.AddDays(1)), attended, Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("not-the-scheduled-day");
    }

    [Fact]
    public void a_meeting_opens_once_and_never_once_it_ended()
    {
        OpenMeetingDecision.Check(new OpenMeeting(3), Open(), Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("meeting-already-open");
        OpenMeetingDecision.Check(new OpenMeeting(3), Cancelled(), Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("meeting-cancelled");
        OpenMeetingDecision.Check(new OpenMeeting(3), Signed(), Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("minutes-signed");
    }
}

public class scheduling_a_meeting
{
    private static ScheduleMeeting Schedule(DateTimeOffset at, params ProposedItem[] agenda) =>
        new(CommissionId, at, "Room 1", agenda.Length == 0 ? [new ProposedItem("Annual report")] : agenda);

    private static readonly Dictionary<Guid, ReferredCase> NoCases = [];

    [Fact]
    public void a_meeting_is_held_from_the_day_the_commission_was_established()
    {
        var establishment = new DateTimeOffset(2021, 1, 4, 10, 0, 0, TimeSpan.FromHours(6));

        ScheduleMeetingDecision.Check(Schedule(establishment), Commission(), NoCases).ShouldBeNull();
        ScheduleMeetingDecision.Check(Schedule(establishment.AddDays(-1)), Commission(), NoCases).ShouldNotBeNull()
            .Rule.ShouldBe("date-before-establishment");
    }

    [Fact]
    public void only_a_case_referred_to_a_commission_goes_on_its_agenda()
    {
        var caseId = Guid.CreateVersion7();
        var command = Schedule(ScheduledFor, new ProposedItem(CaseId: caseId), new ProposedItem(" Plan for 2022 "));

        ScheduleMeetingDecision.Check(command, Commission(), NoCases).ShouldNotBeNull().Rule.ShouldBe("no-such-case");
        ScheduleMeetingDecision.Check(command, Commission(), new Dictionary<Guid, ReferredCase> { [caseId] = new(caseId, "2021-0001", false) })
            .ShouldNotBeNull().Rule.ShouldBe("case-not-referred");

        var referred = new Dictionary<Guid, ReferredCase> { [caseId] = new(caseId, "2021-0001", true) };
        ScheduleMeetingDecision.Decide(command, MeetingId, Commission(), referred).Agenda.ShouldBe(
            [new AgendaItem(1, "Case 2021-0001", caseId, "2021-0001"), new AgendaItem(2, "Plan for 2022")]);
    }

    [Fact]
    public void a_meeting_is_rescheduled_or_cancelled_only_before_it_opens()
    {
        RescheduleMeetingDecision.Check(Scheduled()).ShouldBeNull();
        CancelMeetingDecision.Check(Scheduled()).ShouldBeNull();
        RescheduleMeetingDecision.Check(Open()).ShouldNotBeNull().Rule.ShouldBe("meeting-already-open");
        CancelMeetingDecision.Check(Open()).ShouldNotBeNull().Rule.ShouldBe("meeting-already-open");
        RescheduleMeetingDecision.Check(Cancelled()).ShouldNotBeNull().Rule.ShouldBe("meeting-cancelled");
        CancelMeetingDecision.Check(Cancelled()).ShouldNotBeNull().Rule.ShouldBe("meeting-cancelled");
    }
}

public class recording_attendance
{
    [Fact]
    public void only_members_in_office_on_the_meetings_day_attend()
    {
        var commission = Commission().Then(new CommissionMemberReleased(CommissionId, "M-5", new DateOnly(2021, 10, 31)));
        var inOffice = OpenMeetingDecision.InOffice(commission, Day);

        RecordAttendanceDecision.Check(new RecordAttendance(1, [Chair, "M-5"]), Scheduled(), inOffice).ShouldNotBeNull().Rule.ShouldBe("not-a-member");
        RecordAttendanceDecision.Check(new RecordAttendance(1, ["X-9"]), Scheduled(), inOffice).ShouldNotBeNull().Rule.ShouldBe("not-a-member");
        RecordAttendanceDecision.Check(new RecordAttendance(1, [Chair, " M-2 ", Secretary]), Scheduled(), inOffice).ShouldBeNull();
    }

    [Fact]
    public void attendance_ends_with_the_meeting()
    {
        RecordAttendanceDecision.Check(new RecordAttendance(9, Voters), Signed(), Signed().InOffice).ShouldNotBeNull().Rule.ShouldBe("minutes-signed");
        RecordAttendanceDecision.Check(new RecordAttendance(9, Voters), Cancelled(), Open().InOffice).ShouldNotBeNull().Rule.ShouldBe("meeting-cancelled");
    }

    [Fact]
    public void a_complainant_arriving_late_is_recused_from_their_cases_item()
    {
        var caseId = Guid.CreateVersion7();
        var attended = History.Of<Meeting>(
            new MeetingScheduled(MeetingId, CommissionId, ScheduledFor, "Room 1", [new AgendaItem(1, "Case 2021-0001", caseId, "2021-0001")]),
            new AttendanceRecorded(MeetingId, [Chair, "M-2", "M-3"]));
        var parties = new Dictionary<int, CaseParties> { [1] = new(["E-1042"], "M-5") };
        var open = attended.Then([.. OpenMeetingDecision.Decide(new OpenMeeting(2), attended, Commission(), Now, parties, 1)]);

        var events = RecordAttendanceDecision.Decide(new RecordAttendance(3, [Chair, "M-2", "M-3", "M-5"]), open, open.InOffice, parties);

        events[0].ShouldBeOfType<AttendanceRecorded>().Present.ShouldBe([Chair, "M-2", "M-3", "M-5"]);
        events[1].ShouldBeOfType<MemberRecused>().ShouldSatisfyAllConditions(
            r => (r.ItemNumber, r.PersonnelNumber, r.Ground).ShouldBe((1, "M-5", RecusalGround.ComplainantOfCase)),
            r => r.Reason.ShouldBe("Member M-5 is the complainant of case 2021-0001."));
    }
}

public class voting_on_an_item
{
    private static CastVotes Votes(int item, params (string Member, Vote Vote)[] votes) =>
        new(9, item, [.. votes.Select(v => new MemberVote(v.Member, v.Vote))]);

    [Fact]
    public void each_member_present_votes_once()
    {
        CastVotesDecision.Decide(Votes(1, (" M-2 ", Vote.For), ("M-3", Vote.Abstain)), Open()).ShouldBe(
            [new VoteCast(MeetingId, 1, "M-2", Vote.For), new VoteCast(MeetingId, 1, "M-3", Vote.Abstain)]);
        CastVotesDecision.Check(Votes(1, ("M-2", Vote.Against)), Open().Voted(1, ("M-2", Vote.For))).ShouldNotBeNull().Rule.ShouldBe("already-voted");
    }

    [Fact]
    public void only_voting_members_present_and_not_recused_vote()
    {
        var recused = Open().Then(new MemberRecused(MeetingId, 1, "M-2", RecusalGround.Declared, "My sister heads the department"));

        CastVotesDecision.Check(Votes(1, (Secretary, Vote.For)), Open()).ShouldNotBeNull().Rule.ShouldBe("not-a-voting-member");
        CastVotesDecision.Check(Votes(1, ("X-9", Vote.For)), Open()).ShouldNotBeNull().Rule.ShouldBe("not-a-voting-member");
        CastVotesDecision.Check(Votes(1, ("M-5", Vote.For)), Open([Chair, "M-2", "M-3"])).ShouldNotBeNull().Rule.ShouldBe("member-absent");
        CastVotesDecision.Check(Votes(1, ("M-2", Vote.For)), recused).ShouldNotBeNull().Rule.ShouldBe("member-recused");
        CastVotesDecision.Check(Votes(2, ("M-2", Vote.For)), recused).ShouldBeNull();
    }

    [Fact]
    public void votes_go_to_an_open_item_of_a_meeting_in_session()
    {
        var voted = Open().Voted(1, [.. Voters.Select(v => (v, Vote.For))]);
        var resolved = voted.Then(ResolveItemDecision.Decide(Proposal(), voted, Guid.CreateVersion7()).Resolved);

        CastVotesDecision.Check(Votes(1, (Chair, Vote.For)), Scheduled()).ShouldNotBeNull().Rule.ShouldBe("meeting-not-open");
        CastVotesDecision.Check(Votes(7, (Chair, Vote.For)), Open()).ShouldNotBeNull().Rule.ShouldBe("no-such-item");
        CastVotesDecision.Check(Votes(1, ("M-2", Vote.Against)), resolved).ShouldNotBeNull().Rule.ShouldBe("item-resolved");
        CastVotesDecision.Check(Votes(1, (Chair, Vote.For)), Signed()).ShouldNotBeNull().Rule.ShouldBe("minutes-signed");
        CastVotesDecision.Check(Votes(1, (Chair, Vote.For)), Cancelled()).ShouldNotBeNull().Rule.ShouldBe("meeting-cancelled");
    }
}

public class resolving_an_item
{
    private static Meeting AllFor(Meeting meeting, int item = 1) =>
        meeting.Voted(item, [.. meeting.EligibleVoters(item).Select(m => (m.PersonnelNumber, Vote.For))]);

    [Fact]
    public void every_member_who_may_vote_must_have_voted()
    {
        var refused = ResolveItemDecision.Check(Proposal(), Open().Voted(1, (Chair, Vote.For), ("M-2", Vote.For), ("M-3", Vote.For))).ShouldNotBeNull();

        refused.Rule.ShouldBe("votes-missing");
        refused.Detail.ShouldBe("Member M-4 has not voted on item 1; record a vote or an abstention.");
        ResolveItemDecision.Check(Proposal(), AllFor(Open())).ShouldBeNull();
    }

    [Fact]
    public void recusals_can_leave_an_item_too_few_voters()
    {
        var meeting = Open([Chair, "M-2", "M-3"])
            .Then(new MemberRecused(MeetingId, 1, "M-3", RecusalGround.Found, "Married to the department head"))
            .Voted(1, (Chair, Vote.For), ("M-2", Vote.For));

        var refused = ResolveItemDecision.Check(Proposal(), meeting).ShouldNotBeNull();

        refused.Rule.ShouldBe("no-quorum");
        refused.Detail.ShouldBe("Only 2 members present may vote on item 1; the commission needs 3.");
        ResolveItemDecision.Check(Proposal(item: 2), AllFor(meeting, 2)).ShouldBeNull();
    }

    [Fact]
    public void a_member_leaving_mid_meeting_can_break_the_quorum_of_later_items()
    {
        var meeting = Open([Chair, "M-2", "M-3"]).Then(new AttendanceRecorded(MeetingId, [Chair, "M-2"]));

        CastVotesDecision.Check(new CastVotes(4, 1, [new MemberVote("M-3", Vote.For)]), meeting).ShouldNotBeNull().Rule.ShouldBe("member-absent");
        ResolveItemDecision.Check(Proposal(), AllFor(meeting)).ShouldNotBeNull().Rule.ShouldBe("no-quorum");
    }

    [Fact]
    public void the_due_date_is_the_meetings_day_or_later()
    {
        ResolveItemDecision.Check(Proposal(dueDate: Day), AllFor(Open())).ShouldBeNull();
        ResolveItemDecision.Check(Proposal(dueDate: Day.AddDays(-1)), AllFor(Open())).ShouldNotBeNull().Rule.ShouldBe("date-before-meeting");
    }

    [Fact]
    public void an_item_is_put_to_the_vote_once_and_only_in_session()
    {
        var voted = AllFor(Open());
        var resolved = voted.Then(ResolveItemDecision.Decide(Proposal(), voted, Guid.CreateVersion7()).Resolved);

        ResolveItemDecision.Check(Proposal(), resolved).ShouldNotBeNull().Rule.ShouldBe("item-resolved");
        ResolveItemDecision.Check(Proposal(item: 3), voted).ShouldNotBeNull().Rule.ShouldBe("no-such-item");
        ResolveItemDecision.Check(Proposal(), Scheduled()).ShouldNotBeNull().Rule.ShouldBe("meeting-not-open");
        ResolveItemDecision.Check(Proposal(), Signed()).ShouldNotBeNull().Rule.ShouldBe("minutes-signed");
    }

    /// <summary>
    /// Votes in the order of the members present (the chair first): F for, A against, X abstain. Under the default rule
    /// abstentions count against; a tie goes to the chair's vote only if the chair has the casting vote.
    /// </summary>
    [Theory]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, false, "FFFAX", true, 3, 1, 1, false)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, false, "FFAXX", false, 2, 1, 2, false)]
    [InlineData(MajorityRule.MoreForThanAgainst, false, "FFAXX", true, 2, 1, 2, false)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, false, "FFAA", false, 2, 2, 0, false)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, true, "FFAA", true, 2, 2, 0, true)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, true, "AAFF", false, 2, 2, 0, true)]
    [InlineData(MajorityRule.MoreForThanAgainst, true, "AFAFX", false, 2, 2, 1, true)]
    public void the_tally_decides_whether_a_decision_is_adopted(MajorityRule majority, bool casting, string votes, bool adopted,
        int @for, int against, int abstained, bool castingVoteUsed)
    {
        var present = Voters[..votes.Length];
        var meeting = Open(present, Commission(majority: majority, chairHasCastingVote: casting))
            .Voted(1, [.. present.Zip(votes, (m, v) => (m, v switch { 'F' => Vote.For, 'A' => Vote.Against, _ => Vote.Abstain }))]);
        var decisionId = Guid.CreateVersion7();

        var resolution = ResolveItemDecision.Decide(Proposal(), meeting, decisionId);

        resolution.Resolved.ShouldSatisfyAllConditions(
            r => r.Adopted.ShouldBe(adopted),
            r => (r.For, r.Against, r.Abstained).ShouldBe((@for, against, abstained)),
            r => r.CastingVoteUsed.ShouldBe(castingVoteUsed),
            r => r.DecisionId.ShouldBe(adopted ? decisionId : null),
            r => r.ProtocolNumber.ShouldBe(adopted ? "1/2021-1" : null));
        if (adopted)
        {
            resolution.Adopted.ShouldNotBeNull().ShouldSatisfyAllConditions(
                d => (d.DecisionId, d.ProtocolNumber, d.AdoptedOn, d.DueDate).ShouldBe((decisionId, "1/2021-1", Day, new DateOnly(2021, 12, 15))),
                d => d.CommissionId.ShouldBe(CommissionId));
        }
        else resolution.Adopted.ShouldBeNull();
    }
}

public class recording_a_conflict_of_interest
{
    private static RecordConflict Conflict(string member, RecusalGround ground = RecusalGround.Found, int item = 1) =>
        new(9, item, member, ground, " Relative ");

    [Fact]
    public void a_conflict_is_recorded_once_and_before_the_member_votes()
    {
        var recusal = RecordConflictDecision.Decide(Conflict(" M-2 "), Open());

        recusal.ShouldBe(new MemberRecused(MeetingId, 1, "M-2", RecusalGround.Found, "Relative"));
        RecordConflictDecision.Check(Conflict("M-2", RecusalGround.Declared), Open().Then(recusal)).ShouldNotBeNull().Rule.ShouldBe("already-recused");
        RecordConflictDecision.Check(Conflict("M-2"), Open().Voted(1, ("M-2", Vote.For))).ShouldNotBeNull().Rule.ShouldBe("vote-already-cast");
        RecordConflictDecision.Check(Conflict("M-2", item: 2), Open().Voted(1, ("M-2", Vote.For))).ShouldBeNull();
    }

    [Fact]
    public void only_a_voting_member_has_a_conflict_on_an_open_item_of_a_meeting_in_session()
    {
        RecordConflictDecision.Check(Conflict(Secretary), Open()).ShouldNotBeNull().Rule.ShouldBe("not-a-voting-member");
        RecordConflictDecision.Check(Conflict("M-2", item: 9), Open()).ShouldNotBeNull().Rule.ShouldBe("no-such-item");
        RecordConflictDecision.Check(Conflict("M-2", RecusalGround.Declared), Scheduled()).ShouldNotBeNull().Rule.ShouldBe("meeting-not-open");
    }
}

public class signing_and_correcting_the_minutes
{
    [Fact]
    public void signed_minutes_take_nothing_but_corrections()
    {
        var signed = Signed();
        RuleViolation?[] refusals =
        [
            CastVotesDecision.Check(new CastVotes(9, 1, [new MemberVote(Chair, Vote.For)]), signed),
            ResolveItemDecision.Check(Proposal(), signed),
            RecordAttendanceDecision.Check(new RecordAttendance(9, Voters), signed, signed.InOffice),
            RecordConflictDecision.Check(new RecordConflict(9, 1, "M-2", RecusalGround.Found, "Relative"), signed),
            SignMinutesDecision.Check(new SignMinutes(9), signed, Now),
            CancelMeetingDecision.Check(signed),
            RescheduleMeetingDecision.Check(signed),
            OpenMeetingDecision.Check(new OpenMeeting(9), signed, Commission(), Now)
        ];

        refusals.ShouldAllBe(r => r != null && r.Rule == "minutes-signed");
        CorrectMinutesDecision.Decide(new CorrectMinutes(9, " The report covered 10 months, not 9. ", 1), signed, Now)
            .ShouldBe(new MinutesCorrected(MeetingId, 1, "The report covered 10 months, not 9.", Day));
    }

    [Fact]
    public void a_correction_needs_signed_minutes_and_an_item_they_hold()
    {
        CorrectMinutesDecision.Check(new CorrectMinutes(9, "x"), Open()).ShouldNotBeNull().Rule.ShouldBe("minutes-not-signed");
        CorrectMinutesDecision.Check(new CorrectMinutes(9, "x", 9), Signed()).ShouldNotBeNull().Rule.ShouldBe("no-such-item");
        CorrectMinutesDecision.Check(new CorrectMinutes(9, "x"), Signed()).ShouldBeNull();
    }

    [Fact]
    public void minutes_are_signed_in_session_on_the_meetings_day_or_later()
    {
        SignMinutesDecision.Check(new SignMinutes(9, Day), Open(), Now).ShouldBeNull();
        SignMinutesDecision.Check(new SignMinutes(9, Day.AddDays(-1)), Open(), Now).ShouldNotBeNull().Rule.ShouldBe("date-before-meeting");
        SignMinutesDecision.Check(new SignMinutes(9), Scheduled(), Now).ShouldNotBeNull().Rule.ShouldBe("meeting-not-open");
    }
}
