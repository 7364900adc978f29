using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cases.Projections.Sanctions;

/// <summary>A sanction as HR follows it: the order, its announcement, appeal, and whether it is still in force.</summary>
public sealed class SanctionSummary
{
    public Guid Id { get; set; }

    /// <summary>The sanction stream's version; commands on it send it back as their expected version.</summary>
    public long Version { get; set; }

    public string PersonnelNumber { get; set; } = "";
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public Guid? DecisionId { get; set; }
    public string? ProtocolNumber { get; set; }
    public SanctionType Type { get; set; }
    public string OrderNumber { get; set; } = "";
    public DateOnly OrderDate { get; set; }
    public DateOnly OffenceCommittedOn { get; set; }
    public DateOnly OffenceDiscoveredOn { get; set; }
    public DateOnly AnnounceBy { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public bool? AnnouncedInTime { get; set; }
    public bool SignatureRefused { get; set; }

    /// <summary>The first day the sanction is no longer in force, absences counted; none for a dismissal.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public SanctionStatus Status { get; set; }

    /// <summary>The day it stopped being in force: expired, lifted, or overturned (then void from its order date).</summary>
    public DateOnly? EndedOn { get; set; }

    public List<AppealEntry> Appeals { get; set; } = [];
    public SanctionLifted? Lifting { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

public enum AppealState
{
    Pending,
    Upheld,
    Overturned
}

public sealed record AppealEntry(DateOnly FiledOn, string Authority, AppealState State, DateOnly? DecidedOn = null);

public sealed partial class SanctionSummaryProjection : SingleStreamProjection<SanctionSummary, Guid>
{
    public SanctionSummary Create(IEvent<SanctionImposed> e) => new()
    {
        Id = e.Data.SanctionId,
        PersonnelNumber = e.Data.PersonnelNumber,
        CaseId = e.Data.CaseId,
        CaseNumber = e.Data.CaseNumber,
        DecisionId = e.Data.DecisionId,
        ProtocolNumber = e.Data.ProtocolNumber,
        Type = e.Data.Type,
        OrderNumber = e.Data.OrderNumber,
        OrderDate = e.Data.OrderDate,
        OffenceCommittedOn = e.Data.OffenceCommittedOn,
        OffenceDiscoveredOn = e.Data.OffenceDiscoveredOn,
        AnnounceBy = e.Data.AnnounceBy,
        ExpiresOn = e.Data.ExpiresOn,
        Status = SanctionStatus.Active,
        LastChangedAt = EventTime.Of(e)
    };

    public void Apply(IEvent<SanctionAnnounced> e, SanctionSummary view)
    {
        view.AnnouncedOn = e.Data.AnnouncedOn;
        view.AnnouncedInTime = e.Data.AnnouncedOn <= view.AnnounceBy;
        view.SignatureRefused = e.Data.SignatureRefused;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SanctionAppealed> e, SanctionSummary view)
    {
        view.Appeals.Add(new AppealEntry(e.Data.FiledOn, e.Data.Authority, AppealState.Pending));
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SanctionUpheld> e, SanctionSummary view) => Decided(view, AppealState.Upheld, e.Data.DecidedOn, EventTime.Of(e));

    public void Apply(IEvent<SanctionOverturned> e, SanctionSummary view)
    {
        Decided(view, AppealState.Overturned, e.Data.DecidedOn, EventTime.Of(e));
        view.Status = SanctionStatus.Overturned;
        view.EndedOn = view.OrderDate;
    }

    public void Apply(IEvent<SanctionLifted> e, SanctionSummary view)
    {
        view.Status = SanctionStatus.Lifted;
        view.Lifting = e.Data;
        view.EndedOn = e.Data.LiftedOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SanctionExpiryMoved> e, SanctionSummary view)
    {
        view.ExpiresOn = e.Data.ExpiresOn;
        if (view.Status == SanctionStatus.Expired)
        {
            view.Status = SanctionStatus.Active;
            view.EndedOn = null;
        }
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SanctionExpired> e, SanctionSummary view)
    {
        view.Status = SanctionStatus.Expired;
        view.EndedOn = e.Data.ExpiredOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SanctionTypeCorrected> e, SanctionSummary view)
    {
        view.Type = e.Data.Type;
        view.ExpiresOn = e.Data.ExpiresOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    private static void Decided(SanctionSummary view, AppealState state, DateOnly on, DateTimeOffset at)
    {
        var index = view.Appeals.FindLastIndex(a => a.State == AppealState.Pending);
        if (index >= 0) view.Appeals[index] = view.Appeals[index] with { State = state, DecidedOn = on };
        view.LastChangedAt = at;
    }
}
