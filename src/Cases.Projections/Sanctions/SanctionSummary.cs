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

    /// <summary>Art. 65(5): announced by a copy sent by registered letter with notice of delivery.</summary>
    public bool ByRegisteredLetter { get; set; }

    /// <summary>Art. 66(2): the offence was established by an audit or inspection, so a year from it was allowed.</summary>
    public bool EstablishedByAudit { get; set; }

    /// <summary>
    /// The first day the sanction is no longer in force (art. 66(4)); none for a dismissal. Periods stored before the
    /// upgrade counted absences until restated.
    /// </summary>
    public DateOnly? ExpiresOn { get; set; }

    public SanctionStatus Status { get; set; }

    /// <summary>The day it stopped being in force: expired, lifted, or overturned (then void from its order date).</summary>
    public DateOnly? EndedOn { get; set; }

    public List<AppealEntry> Appeals { get; set; } = [];
    public SanctionLifted? Lifting { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>How a restated period changes what the views show of a sanction's end.</summary>
public static class SanctionPeriod
{
    /// <summary>
    /// One that ended after the restated end (expired late, or lifted after its period) ended on it instead; one that
    /// expired before it is back in force, until the expiry the restatement's run records.
    /// </summary>
    public static (SanctionStatus Status, DateOnly? EndedOn) Restated(SanctionStatus status, DateOnly? endedOn, SanctionPeriodRestated e) => status switch
    {
        SanctionStatus.Expired when endedOn < e.ExpiresOn => (SanctionStatus.Active, null),
        SanctionStatus.Expired or SanctionStatus.Lifted when endedOn > e.ExpiresOn => (status, e.ExpiresOn),
        _ => (status, endedOn)
    };
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
        EstablishedByAudit = e.EstablishedByAudit,
        Status = SanctionStatus.Active
    };

    public void Apply(SanctionAnnounced e, SanctionSummary view)
    {
        view.AnnouncedOn = e.AnnouncedOn;
        view.AnnouncedInTime = e.AnnouncedOn <= view.AnnounceBy;
        view.SignatureRefused = e.SignatureRefused;
        view.ByRegisteredLetter = e.ByRegisteredLetter;
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

    /// <summary>The recorded expiry no longer counts; the event after it says how the sanction ended.</summary>
    public void Apply(SanctionExpiryRetracted e, SanctionSummary view)
    {
        view.Status = SanctionStatus.Active;
        view.EndedOn = null;
    }

    public void Apply(SanctionPeriodRestated e, SanctionSummary view)
    {
        view.ExpiresOn = e.ExpiresOn;
        (view.Status, view.EndedOn) = SanctionPeriod.Restated(view.Status, view.EndedOn, e);
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
