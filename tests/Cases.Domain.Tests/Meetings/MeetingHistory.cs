using Cases.Domain.Commissions;
using Cases.Domain.Meetings;

namespace Cases.Domain.Tests.Meetings;

/// <summary>
/// A commission of five voting members (so a quorum of three) and a secretary, and its meeting on 15 November 2021 in
/// Almaty, brought to each state the meeting rules are about; built from events, as Marten loads them.
/// </summary>
public static class MeetingHistory
{
    public static readonly Guid CommissionId = Guid.CreateVersion7();
    public static readonly Guid MeetingId = Guid.CreateVersion7();
    public static readonly DateOnly Established = new(2021, 1, 4);
    public static readonly DateOnly Day = new(2021, 11, 15);
    public static readonly DateTimeOffset ScheduledFor = new(2021, 11, 15, 10, 0, 0, TimeSpan.FromHours(6));

    /// <summary>Later on the meeting's day, on the organisation's clock.</summary>
    public static readonly DateTimeOffset Now = new(2021, 11, 15, 12, 0, 0, TimeSpan.FromHours(6));

    public const string Chair = "M-1";
    public static readonly string[] Voters = [Chair, "M-2", "M-3", "M-4", "M-5"];
    public const string Secretary = "S-1";

    public static Commission Commission(QuorumRule quorum = QuorumRule.MoreThanHalf, MajorityRule majority = MajorityRule.MoreThanHalfOfPresent,
        bool chairHasCastingVote = false) =>
        History.Of<Commission>(
        [
            new CommissionEstablished(CommissionId, "Disciplinary commission", CommissionKind.Disciplinary, quorum, majority, chairHasCastingVote, Established),
            .. Voters.Select((m, i) => new CommissionMemberAppointed(CommissionId, m, $"Member {m}", m.ToLowerInvariant(),
                i == 0 ? MemberRole.Chair : MemberRole.Member, Established)),
            new CommissionMemberAppointed(CommissionId, Secretary, "Secretary", "s-1", MemberRole.Secretary, Established)
        ]);

    /// <summary>Two questions on the agenda, no case among them.</summary>
    public static Meeting Scheduled() => History.Of<Meeting>(new MeetingScheduled(MeetingId, CommissionId, ScheduledFor, "Room 1",
        [new AgendaItem(1, "Report of the compliance service"), new AgendaItem(2, "Plan for 2022")]));

    public static Meeting Attended(params string[] present) => Scheduled().Then(new AttendanceRecorded(MeetingId, present));

    /// <summary>Opened by the real decision, with the composition and rules of the commission given.</summary>
    public static Meeting Open(string[]? present = null, Commission? commission = null)
    {
        var attended = Attended(present ?? Voters);
        return attended.Then([.. OpenMeetingDecision.Decide(new OpenMeeting(2), attended, commission ?? Commission(), Now,
            new Dictionary<int, CaseParties>(), number: 1)]);
    }

    public static Meeting Voted(this Meeting meeting, int item, params (string Member, Vote Vote)[] votes) =>
        meeting.Then([.. votes.Select(v => new VoteCast(MeetingId, item, v.Member, v.Vote))]);

    public static Meeting Signed() => Open().Then(new MinutesSigned(MeetingId, Day));

    public static Meeting Cancelled() => Scheduled().Then(new MeetingCancelled(MeetingId, "No agenda", Day.AddDays(-1)));

    public static ResolveItem Proposal(int item = 1, DateOnly? dueDate = null) => new(9, item, DecisionKind.Instruction,
        "Hold a staff meeting on patient communication", new Executor(ExecutorKind.Person, "Head of the surgical department"),
        dueDate ?? new DateOnly(2021, 12, 15));
}
