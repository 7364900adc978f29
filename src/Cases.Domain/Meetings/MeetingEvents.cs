namespace Cases.Domain.Meetings;

// The facts of a commission meeting, in the order they usually happen. Who recorded each and when come from event
// metadata; the dates and times here are those of the meeting itself.

/// <summary>Any fact that belongs to one meeting, so its read model can gather them.</summary>
public interface IMeetingFact
{
    Guid MeetingId { get; }
}

/// <summary>A question before the commission: a case referred to it, or any other matter.</summary>
public sealed record AgendaItem(int Number, string Question, Guid? CaseId = null, string? CaseNumber = null);

/// <summary>A meeting called for a date and time on the organisation's clock, with its agenda.</summary>
public sealed record MeetingScheduled(
    Guid MeetingId,
    Guid CommissionId,
    DateTimeOffset ScheduledFor,
    string Place,
    IReadOnlyList<AgendaItem> Agenda) : IMeetingFact;

public sealed record MeetingRescheduled(Guid MeetingId, DateTimeOffset ScheduledFor, string Place, string Reason) : IMeetingFact;

public sealed record MeetingCancelled(Guid MeetingId, string Reason, DateOnly CancelledOn) : IMeetingFact;

/// <summary>The members present from now on; recorded again when someone arrives late or leaves.</summary>
public sealed record AttendanceRecorded(Guid MeetingId, IReadOnlyList<string> Present) : IMeetingFact;

/// <summary>A member in office on the day of the meeting, as the commission's composition stood then.</summary>
public sealed record SittingMember(string PersonnelNumber, string FullName, string? UserName, Commissions.MemberRole Role, string? Position = null)
{
    public bool Votes => Role != Commissions.MemberRole.Secretary;
}

/// <summary>
/// The meeting opened with a quorum. Meetings held are numbered per commission and year of the meeting: meeting 3 of
/// 2021 adopts protocol decisions 3/2021-1, 3/2021-2, ... It keeps the composition and rules of that day, so every
/// later decision of the meeting is judged by them even if the commission changes afterwards.
/// </summary>
public sealed record MeetingOpened(
    Guid MeetingId,
    int Number,
    DateOnly HeldOn,
    IReadOnlyList<SittingMember> InOffice,
    int QuorumRequired,
    Commissions.MajorityRule Majority,
    bool ChairHasCastingVote) : IMeetingFact;

/// <summary>The member may not vote on the item, and does not count towards its quorum.</summary>
public sealed record MemberRecused(Guid MeetingId, int ItemNumber, string PersonnelNumber, RecusalGround Ground, string Reason) : IMeetingFact;

public sealed record VoteCast(Guid MeetingId, int ItemNumber, string PersonnelNumber, Vote Vote) : IMeetingFact;

/// <summary>The item was put to the vote. An adopted proposal became protocol decision <see cref="DecisionId"/>.</summary>
public sealed record ItemResolved(
    Guid MeetingId,
    int ItemNumber,
    bool Adopted,
    int For,
    int Against,
    int Abstained,
    bool CastingVoteUsed,
    Guid? DecisionId,
    string? ProtocolNumber) : IMeetingFact;

/// <summary>
/// Someone heard on an agenda item: who (name, position, the body they head or come from) and on what ("the head of the
/// regional health care department Mukashev O. was heard on the state of work on eliminating corruption risks").
/// </summary>
public sealed record HearingRecorded(Guid MeetingId, int ItemNumber, string FullName, string Position, string Body, string Subject) : IMeetingFact;

/// <summary>The chair and the secretary signed the minutes: the meeting is closed and its record final.</summary>
public sealed record MinutesSigned(Guid MeetingId, DateOnly SignedOn) : IMeetingFact;

/// <summary>A correction to signed minutes; it refers to the agenda item it corrects and changes nothing already recorded.</summary>
public sealed record MinutesCorrected(Guid MeetingId, int? ItemNumber, string Correction, DateOnly CorrectedOn) : IMeetingFact;

public enum RecusalGround
{
    /// <summary>The member declared a conflict of interest.</summary>
    Declared,

    /// <summary>The commission found that the member has a conflict of interest.</summary>
    Found,

    /// <summary>The member is a subject of the item's case.</summary>
    SubjectOfCase,

    /// <summary>The member is the complainant of the item's case.</summary>
    ComplainantOfCase
}

public enum Vote
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    For,
    Against,
    Abstain
}

/// <summary>The name each meeting and decision event is stored under; a name, once used, never changes meaning.</summary>
public static class MeetingEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(MeetingScheduled)] = "meeting_scheduled",
        [typeof(MeetingRescheduled)] = "meeting_rescheduled",
        [typeof(MeetingCancelled)] = "meeting_cancelled",
        [typeof(AttendanceRecorded)] = "attendance_recorded",
        [typeof(MeetingOpened)] = "meeting_opened",
        [typeof(MemberRecused)] = "member_recused",
        [typeof(VoteCast)] = "vote_cast",
        [typeof(ItemResolved)] = "item_resolved",
        [typeof(MinutesSigned)] = "minutes_signed",
        [typeof(MinutesCorrected)] = "minutes_corrected",
        [typeof(HearingRecorded)] = "hearing_recorded",
        [typeof(DecisionAdopted)] = "decision_adopted",
        [typeof(ExecutionReported)] = "execution_reported",
        [typeof(ExtensionRequested)] = "extension_requested",
        [typeof(ExtensionGranted)] = "extension_granted",
        [typeof(ExtensionRefused)] = "extension_refused",
        [typeof(DecisionBecameOverdue)] = "decision_became_overdue",
        [typeof(DecisionOverdueRetracted)] = "decision_overdue_retracted",
        [typeof(InstructionReceived)] = "instruction_received",
        [typeof(InstructionExecutionReported)] = "instruction_execution_reported"
    };
}
