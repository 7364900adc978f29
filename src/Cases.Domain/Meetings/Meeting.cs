using Cases.Domain.Commissions;

namespace Cases.Domain.Meetings;

public enum MeetingStatus
{
    Scheduled,
    Open,
    Cancelled,
    Closed
}

/// <summary>The write model of one meeting stream: what its decisions need to guard the rules. Immutable.</summary>
public sealed partial record Meeting
{
    public Guid Id { get; init; }
    public Guid CommissionId { get; init; }
    /// <summary>The meeting's number in its commission's year, given when it opens; 0 before.</summary>
    public int Number { get; init; }
    public DateTimeOffset ScheduledFor { get; init; }
    public string Place { get; init; } = "";
    public MeetingStatus Status { get; init; }
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];
    public IReadOnlyList<string> Present { get; init; } = [];
    public DateOnly? HeldOn { get; init; }
    public IReadOnlyList<SittingMember> InOffice { get; init; } = [];
    public int QuorumRequired { get; init; }
    public MajorityRule Majority { get; init; }
    public bool ChairHasCastingVote { get; init; }
    public IReadOnlyList<MemberRecused> Recusals { get; init; } = [];
    public IReadOnlyList<VoteCast> Votes { get; init; } = [];
    public IReadOnlyList<ItemResolved> Resolutions { get; init; } = [];
    public IReadOnlyList<HearingRecorded> Hearings { get; init; } = [];

    public string Reference => Number > 0 ? $"{Number}/{HeldOn!.Value.Year}" : $"of {ScheduledOn:yyyy-MM-dd}";
    public DateOnly ScheduledOn => Rules.Today(ScheduledFor);
    public bool IsOpen => Status == MeetingStatus.Open;
    public bool IsCancelled => Status == MeetingStatus.Cancelled;
    public bool IsClosed => Status == MeetingStatus.Closed;

    public AgendaItem? Item(int number) => Agenda.FirstOrDefault(i => i.Number == number);
    public SittingMember? Sitting(string personnelNumber) => InOffice.FirstOrDefault(m => m.PersonnelNumber == personnelNumber);
    public bool IsRecused(int item, string personnelNumber) => Recusals.Any(r => r.ItemNumber == item && r.PersonnelNumber == personnelNumber);
    public VoteCast? VoteOf(int item, string personnelNumber) => Votes.FirstOrDefault(v => v.ItemNumber == item && v.PersonnelNumber == personnelNumber);
    public bool IsResolved(int item) => Resolutions.Any(r => r.ItemNumber == item);

    /// <summary>Members present who may vote on the item: voting members in office, present, not recused.</summary>
    public IReadOnlyList<SittingMember> EligibleVoters(int item) =>
        InOffice.Where(m => m.Votes && Present.Contains(m.PersonnelNumber) && !IsRecused(item, m.PersonnelNumber)).ToArray();

    public static Meeting Create(MeetingScheduled e) => new()
    {
        Id = e.MeetingId,
        CommissionId = e.CommissionId,
        ScheduledFor = e.ScheduledFor,
        Place = e.Place,
        Status = MeetingStatus.Scheduled,
        Agenda = e.Agenda
    };

    public Meeting Apply(MeetingRescheduled e) => this with { ScheduledFor = e.ScheduledFor, Place = e.Place };

    public Meeting Apply(MeetingCancelled _) => this with { Status = MeetingStatus.Cancelled };

    public Meeting Apply(AttendanceRecorded e) => this with { Present = e.Present };

    public Meeting Apply(MeetingOpened e) => this with
    {
        Status = MeetingStatus.Open,
        Number = e.Number,
        HeldOn = e.HeldOn,
        InOffice = e.InOffice,
        QuorumRequired = e.QuorumRequired,
        Majority = e.Majority,
        ChairHasCastingVote = e.ChairHasCastingVote
    };

    public Meeting Apply(MemberRecused e) => this with { Recusals = [.. Recusals, e] };

    public Meeting Apply(VoteCast e) => this with { Votes = [.. Votes, e] };

    public Meeting Apply(ItemResolved e) => this with { Resolutions = [.. Resolutions, e] };

    public Meeting Apply(HearingRecorded e) => this with { Hearings = [.. Hearings, e] };

    public Meeting Apply(MinutesSigned _) => this with { Status = MeetingStatus.Closed };

    public Meeting Apply(MinutesCorrected _) => this;
}
