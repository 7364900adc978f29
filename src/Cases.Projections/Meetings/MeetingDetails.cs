using Cases.Domain;
using Cases.Domain.Meetings;
using JasperFx.Events;

namespace Cases.Projections.Meetings;

/// <summary>A meeting as its minutes read: agenda, attendance, recusals, votes and the decisions adopted.</summary>
public sealed class MeetingDetails : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>
    /// The meeting stream's version; commands on the meeting send it back as their expected version. Not named
    /// Version: Marten owns that member on documents built from several streams.
    /// </summary>
    public long StreamVersion { get; set; }

    public Guid CommissionId { get; set; }
    /// <summary>The meeting's number in its commission's year, <c>3/2021</c>, once it is held; null before.</summary>
    public string? Reference { get; set; }

    public int? Number { get; set; }
    public MeetingStatus Status { get; set; }
    public DateTimeOffset ScheduledFor { get; set; }

    /// <summary>The day of the meeting on its organisation's clock.</summary>
    public DateOnly ScheduledOn { get; set; }

    public string Place { get; set; } = "";
    public List<MeetingRescheduled> Reschedulings { get; set; } = [];
    public MeetingCancelled? Cancellation { get; set; }
    public string[] Present { get; set; } = [];
    public DateOnly? HeldOn { get; set; }
    public List<SittingMember> InOffice { get; set; } = [];
    public int? QuorumRequired { get; set; }
    public List<AgendaEntry> Agenda { get; set; } = [];
    public DateOnly? SignedOn { get; set; }
    public List<MinutesCorrected> Corrections { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed class AgendaEntry
{
    public int Number { get; set; }
    public string Question { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public List<Recusal> Recusals { get; set; } = [];
    public List<MemberVote> Votes { get; set; } = [];

    /// <summary>Who was heard on the item and on what, in the order they were heard.</summary>
    public List<Hearing> Heard { get; set; } = [];
    public ItemOutcome? Outcome { get; set; }
    public AdoptedDecision? Decision { get; set; }
}

public sealed record Recusal(string PersonnelNumber, RecusalGround Ground, string Reason);

public sealed record Hearing(string FullName, string Position, string Body, string Subject);

public sealed record ItemOutcome(bool Adopted, int For, int Against, int Abstained, bool CastingVoteUsed);

public sealed record AdoptedDecision(Guid DecisionId, string ProtocolNumber, DecisionKind Kind, string Text, Executor Executor, DateOnly DueDate);

/// <summary>Gathers the meeting's own stream and the protocol decisions it adopted, which live in streams of their own.</summary>
public sealed partial class MeetingDetailsProjection : ChangeTrackedMultiStreamProjection<MeetingDetails, Guid>
{
    public MeetingDetailsProjection()
    {
        Identity<IMeetingFact>(e => e.MeetingId);
    }

    public MeetingDetails Create(MeetingScheduled e) => new()
    {
        Id = e.MeetingId,
        CommissionId = e.CommissionId,
        Status = MeetingStatus.Scheduled,
        ScheduledFor = e.ScheduledFor,
        ScheduledOn = Rules.Today(e.ScheduledFor),
        Place = e.Place,
        Agenda = e.Agenda.Select(i => new AgendaEntry { Number = i.Number, Question = i.Question, CaseId = i.CaseId, CaseNumber = i.CaseNumber }).ToList()
    };

    public void Apply(MeetingRescheduled e, MeetingDetails view)
    {
        view.ScheduledFor = e.ScheduledFor;
        view.ScheduledOn = Rules.Today(e.ScheduledFor);
        view.Place = e.Place;
        view.Reschedulings.Add(e);
    }

    public void Apply(MeetingCancelled e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Cancelled;
        view.Cancellation = e;
    }

    public void Apply(AttendanceRecorded e, MeetingDetails view) => view.Present = [.. e.Present];

    public void Apply(MeetingOpened e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Open;
        view.Number = e.Number;
        view.Reference = $"{e.Number}/{e.HeldOn.Year}";
        view.HeldOn = e.HeldOn;
        view.InOffice = [.. e.InOffice];
        view.QuorumRequired = e.QuorumRequired;
    }

    public void Apply(MemberRecused e, MeetingDetails view) => Item(view, e.ItemNumber)?.Recusals.Add(new Recusal(e.PersonnelNumber, e.Ground, e.Reason));

    public void Apply(VoteCast e, MeetingDetails view) => Item(view, e.ItemNumber)?.Votes.Add(new MemberVote(e.PersonnelNumber, e.Vote));

    public void Apply(HearingRecorded e, MeetingDetails view) =>
        Item(view, e.ItemNumber)?.Heard.Add(new Hearing(e.FullName, e.Position, e.Body, e.Subject));

    public void Apply(ItemResolved e, MeetingDetails view) =>
        Item(view, e.ItemNumber)?.Outcome = new ItemOutcome(e.Adopted, e.For, e.Against, e.Abstained, e.CastingVoteUsed);

    /// <summary>From the decision's own stream: it does not move the meeting's version.</summary>
    public void Apply(DecisionAdopted e, MeetingDetails view) =>
        Item(view, e.ItemNumber)?.Decision = new AdoptedDecision(e.DecisionId, e.ProtocolNumber, e.Kind, e.Text, e.Executor, e.DueDate);

    public void Apply(MinutesSigned e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Closed;
        view.SignedOn = e.SignedOn;
    }

    public void Apply(MinutesCorrected e, MeetingDetails view) => view.Corrections.Add(e);

    private static AgendaEntry? Item(MeetingDetails view, int number) => view.Agenda.FirstOrDefault(i => i.Number == number);

    /// <summary>The meeting's own facts move its version; a decision's, from a stream of its own, only its last change.</summary>
    public override MeetingDetails ApplyMetadata(MeetingDetails view, IEvent lastEvent)
    {
        if (lastEvent.StreamId == view.Id && AllEventTypes.Contains(lastEvent.EventType)) view.StreamVersion = lastEvent.Version;
        return base.ApplyMetadata(view, lastEvent);
    }
}
