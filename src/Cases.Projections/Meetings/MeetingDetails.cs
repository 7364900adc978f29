using Cases.Domain;
using Cases.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Cases.Projections.Meetings;

/// <summary>A meeting as its minutes read: agenda, attendance, recusals, votes and the decisions adopted.</summary>
public sealed class MeetingDetails
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
    public ItemOutcome? Outcome { get; set; }
    public AdoptedDecision? Decision { get; set; }
}

public sealed record Recusal(string PersonnelNumber, RecusalGround Ground, string Reason);

public sealed record ItemOutcome(bool Adopted, int For, int Against, int Abstained, bool CastingVoteUsed);

public sealed record AdoptedDecision(Guid DecisionId, string ProtocolNumber, DecisionKind Kind, string Text, Executor Executor, DateOnly DueDate);

/// <summary>Gathers the meeting's own stream and the protocol decisions it adopted, which live in streams of their own.</summary>
public sealed partial class MeetingDetailsProjection : MultiStreamProjection<MeetingDetails, Guid>
{
    public MeetingDetailsProjection()
    {
        Identity<IMeetingFact>(e => e.MeetingId);
    }

    public MeetingDetails Create(IEvent<MeetingScheduled> e) => new()
    {
        Id = e.Data.MeetingId,
        StreamVersion = e.Version,
        CommissionId = e.Data.CommissionId,
        Status = MeetingStatus.Scheduled,
        ScheduledFor = e.Data.ScheduledFor,
        ScheduledOn = Rules.Today(e.Data.ScheduledFor),
        Place = e.Data.Place,
        Agenda = e.Data.Agenda.Select(i => new AgendaEntry { Number = i.Number, Question = i.Question, CaseId = i.CaseId, CaseNumber = i.CaseNumber }).ToList(),
        LastChangedAt = EventTime.Of(e)
    };

    public void Apply(IEvent<MeetingRescheduled> e, MeetingDetails view)
    {
        view.ScheduledFor = e.Data.ScheduledFor;
        view.ScheduledOn = Rules.Today(e.Data.ScheduledFor);
        view.Place = e.Data.Place;
        view.Reschedulings.Add(e.Data);
        Changed(view, e);
    }

    public void Apply(IEvent<MeetingCancelled> e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Cancelled;
        view.Cancellation = e.Data;
        Changed(view, e);
    }

    public void Apply(IEvent<AttendanceRecorded> e, MeetingDetails view)
    {
        view.Present = [.. e.Data.Present];
        Changed(view, e);
    }

    public void Apply(IEvent<MeetingOpened> e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Open;
        view.Number = e.Data.Number;
        view.Reference = $"{e.Data.Number}/{e.Data.HeldOn.Year}";
        view.HeldOn = e.Data.HeldOn;
        view.InOffice = [.. e.Data.InOffice];
        view.QuorumRequired = e.Data.QuorumRequired;
        Changed(view, e);
    }

    public void Apply(IEvent<MemberRecused> e, MeetingDetails view)
    {
        Item(view, e.Data.ItemNumber)?.Recusals.Add(new Recusal(e.Data.PersonnelNumber, e.Data.Ground, e.Data.Reason));
        Changed(view, e);
    }

    public void Apply(IEvent<VoteCast> e, MeetingDetails view)
    {
        Item(view, e.Data.ItemNumber)?.Votes.Add(new MemberVote(e.Data.PersonnelNumber, e.Data.Vote));
        Changed(view, e);
    }

    public void Apply(IEvent<ItemResolved> e, MeetingDetails view)
    {
        var d = e.Data;
        Item(view, d.ItemNumber)?.Outcome = new ItemOutcome(d.Adopted, d.For, d.Against, d.Abstained, d.CastingVoteUsed);
        Changed(view, e);
    }

    /// <summary>From the decision's own stream: it does not move the meeting's version.</summary>
    public void Apply(IEvent<DecisionAdopted> e, MeetingDetails view)
    {
        var d = e.Data;
        Item(view, d.ItemNumber)?.Decision = new AdoptedDecision(d.DecisionId, d.ProtocolNumber, d.Kind, d.Text, d.Executor, d.DueDate);
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<MinutesSigned> e, MeetingDetails view)
    {
        view.Status = MeetingStatus.Closed;
        view.SignedOn = e.Data.SignedOn;
        Changed(view, e);
    }

    public void Apply(IEvent<MinutesCorrected> e, MeetingDetails view)
    {
        view.Corrections.Add(e.Data);
        Changed(view, e);
    }

    private static AgendaEntry? Item(MeetingDetails view, int number) => view.Agenda.FirstOrDefault(i => i.Number == number);

    private static void Changed(MeetingDetails view, IEvent e)
    {
        view.StreamVersion = e.Version;
        view.LastChangedAt = EventTime.Of(e);
    }
}
