using Cases.Domain.Sanctions;

namespace Cases.Projections.Sanctions;

/// <summary>A sanction as HR follows it: the order, its announcement, appeal, and whether it is still in force.</summary>
public sealed class SanctionSummary : IChangeTracked
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

public sealed partial class SanctionSummaryProjection : ChangeTrackedProjection<SanctionSummary>
{
    public SanctionSummary Create(SanctionImposed e) => new()
    {
        Id = e.SanctionId,
        PersonnelNumber = e.PersonnelNumber,
        CaseId = e.CaseId,
        CaseNumber = e.CaseNumber,
        DecisionId = e.DecisionId,
        ProtocolNumber = e.ProtocolNumber,
        Type = e.Type,
        OrderNumber = e.OrderNumber,
        OrderDate = e.OrderDate,
        OffenceCommittedOn = e.OffenceCommittedOn,
        OffenceDiscoveredOn = e.OffenceDiscoveredOn,
        AnnounceBy = e.AnnounceBy,
        ExpiresOn = e.ExpiresOn,
        Status = SanctionStatus.Active
    };

    public void Apply(SanctionAnnounced e, SanctionSummary view)
    {
        view.AnnouncedOn = e.AnnouncedOn;
        view.AnnouncedInTime = e.AnnouncedOn <= view.AnnounceBy;
        view.SignatureRefused = e.SignatureRefused;
    }

    public void Apply(SanctionAppealed e, SanctionSummary view) => view.Appeals.Add(new AppealEntry(e.FiledOn, e.Authority, AppealState.Pending));

    public void Apply(SanctionUpheld e, SanctionSummary view) => Decided(view, AppealState.Upheld, e.DecidedOn);

    public void Apply(SanctionOverturned e, SanctionSummary view)
    {
        Decided(view, AppealState.Overturned, e.DecidedOn);
        view.Status = SanctionStatus.Overturned;
        view.EndedOn = view.OrderDate;
    }

    public void Apply(SanctionLifted e, SanctionSummary view)
    {
        view.Status = SanctionStatus.Lifted;
        view.Lifting = e;
        view.EndedOn = e.LiftedOn;
    }

    public void Apply(SanctionExpiryMoved e, SanctionSummary view)
    {
        view.ExpiresOn = e.ExpiresOn;
        if (view.Status == SanctionStatus.Expired)
        {
            view.Status = SanctionStatus.Active;
            view.EndedOn = null;
        }
    }

    public void Apply(SanctionExpired e, SanctionSummary view)
    {
        view.Status = SanctionStatus.Expired;
        view.EndedOn = e.ExpiredOn;
    }

    public void Apply(SanctionTypeCorrected e, SanctionSummary view)
    {
        view.Type = e.Type;
        view.ExpiresOn = e.ExpiresOn;
    }

    private static void Decided(SanctionSummary view, AppealState state, DateOnly on)
    {
        var index = view.Appeals.FindLastIndex(a => a.State == AppealState.Pending);
        if (index >= 0) view.Appeals[index] = view.Appeals[index] with { State = state, DecidedOn = on };
    }
}
