using Cases.Domain.Cases;
using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Cases.Projections.Cases;

namespace Cases.Projections.Employees;

/// <summary>
/// Everything on an employee's record, by personnel number: the cases where they were a subject and what each found,
/// every sanction with its state and dates, and their absences.
/// </summary>
public sealed class EmployeeHistory
{
    /// <summary>The personnel number.</summary>
    public string Id { get; set; } = "";

    /// <summary>
    /// The version of the employee's own record (their absences), to send as the expected version when recording
    /// the next; 0 while there is none. Not named Version: Marten owns that member on documents built from several streams.
    /// </summary>
    public long StreamVersion { get; set; }

    public List<EmployeeCase> Cases { get; set; } = [];
    public List<EmployeeSanction> Sanctions { get; set; } = [];
    public List<Absence> Absences { get; set; } = [];

    /// <summary>Whether a sanction is in force: a repeated failure then allows dismissal (art. 52(1)(16)).</summary>
    public bool HasActiveSanction { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed class EmployeeCase
{
    public Guid CaseId { get; set; }
    public string Number { get; set; } = "";
    public Category Category { get; set; }
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Whether the current finding found a violation at all, whom it held at fault, and which articles.</summary>
    public bool? ViolationFound { get; set; }

    public string[] EmployeesAtFault { get; set; } = [];
    public string[] EthicsArticlesViolated { get; set; } = [];
    public DateOnly? FoundOn { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

public sealed class EmployeeSanction
{
    public Guid SanctionId { get; set; }
    public SanctionType Type { get; set; }
    public string CaseNumber { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public DateOnly OrderDate { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public SanctionStatus Status { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public sealed partial class EmployeeHistoryProjection : MultiStreamProjection<EmployeeHistory, string>
{
    public EmployeeHistoryProjection()
    {
        Identities<CaseRegistered>(e => e.Subjects);
        Identity<SubjectIdentified>(e => e.PersonnelNumber);
        Identity<ISanctionFact>(e => e.PersonnelNumber);
        Identity<AbsenceRecorded>(e => e.PersonnelNumber);
        Identity<AbsenceCancelled>(e => e.PersonnelNumber);
        // A finding, closure or reopening names no employee: it belongs to every subject the case had at that point.
        CustomGrouping(async (session, events, grouping) =>
        {
            foreach (var e in events.Where(e => e.Data is FindingRecorded or CaseClosed or CaseReopened or CaseCategoryCorrected or CaseOutcomeCorrected))
            {
                // The case as it stood just before this event: its subjects then, the same on every rebuild.
                var @case = await session.Events.AggregateStreamAsync<Case>(e.StreamId, version: e.Version - 1);
                foreach (var subject in @case?.Subjects ?? []) grouping.AddEvent(subject, e);
            }
        });
    }

    public void Apply(IEvent<CaseRegistered> e, EmployeeHistory view) =>
        Changed(view, e).Cases.Add(new EmployeeCase { CaseId = e.Data.CaseId, Number = e.Data.Number, Category = e.Data.Category, ReceivedOn = e.Data.ReceivedOn });

    /// <summary>The case's number and receipt come from its registration, as corrected before this event.</summary>
    public async Task Apply(IEvent<SubjectIdentified> e, EmployeeHistory view, IQuerySession session)
    {
        var registered = await CaseRecord.RegistrationBeforeAsync(session, e.StreamId, e.Version);
        Changed(view, e).Cases.Add(new EmployeeCase { CaseId = registered.CaseId, Number = registered.Number, Category = registered.Category, ReceivedOn = registered.ReceivedOn });
    }

    public void Apply(IEvent<FindingRecorded> e, EmployeeHistory view)
    {
        if (Case(Changed(view, e), e.Data.CaseId) is not { } entry) return;
        entry.ViolationFound = e.Data.ViolationFound;
        entry.EmployeesAtFault = [.. e.Data.EmployeesAtFault];
        entry.EthicsArticlesViolated = [.. e.Data.EthicsArticlesViolated];
        entry.FoundOn = e.Data.FoundOn;
    }

    public void Apply(IEvent<CaseClosed> e, EmployeeHistory view)
    {
        if (Case(Changed(view, e), e.Data.CaseId) is not { } entry) return;
        entry.Outcome = e.Data.Outcome;
        entry.ClosedOn = e.Data.ClosedOn;
    }

    public void Apply(IEvent<CaseCategoryCorrected> e, EmployeeHistory view) => Case(Changed(view, e), e.Data.CaseId)?.Category = e.Data.Category;

    public void Apply(IEvent<CaseOutcomeCorrected> e, EmployeeHistory view) => Case(Changed(view, e), e.Data.CaseId)?.Outcome = e.Data.Outcome;

    /// <summary>The earlier round's finding and outcome stay in the case's own history; the record shows the new round.</summary>
    public void Apply(IEvent<CaseReopened> e, EmployeeHistory view)
    {
        if (Case(Changed(view, e), e.Data.CaseId) is not { } entry) return;
        entry.ViolationFound = null;
        entry.EmployeesAtFault = [];
        entry.EthicsArticlesViolated = [];
        entry.FoundOn = null;
        entry.Outcome = null;
        entry.ClosedOn = null;
    }

    public void Apply(IEvent<SanctionImposed> e, EmployeeHistory view)
    {
        var d = e.Data;
        Changed(view, e).Sanctions.Add(new EmployeeSanction
        {
            SanctionId = d.SanctionId, Type = d.Type, CaseNumber = d.CaseNumber, OrderNumber = d.OrderNumber, OrderDate = d.OrderDate,
            ExpiresOn = d.ExpiresOn, Status = SanctionStatus.Active
        });
        Recount(view);
    }

    public void Apply(IEvent<SanctionAnnounced> e, EmployeeHistory view) => Sanction(Changed(view, e), e.Data.SanctionId)?.AnnouncedOn = e.Data.AnnouncedOn;

    public void Apply(IEvent<SanctionExpiryMoved> e, EmployeeHistory view)
    {
        if (Sanction(Changed(view, e), e.Data.SanctionId) is not { } sanction) return;
        sanction.ExpiresOn = e.Data.ExpiresOn;
        if (sanction.Status == SanctionStatus.Expired)
        {
            sanction.Status = SanctionStatus.Active;
            sanction.EndedOn = null;
        }
        Recount(view);
    }

    public void Apply(IEvent<SanctionTypeCorrected> e, EmployeeHistory view)
    {
        if (Sanction(Changed(view, e), e.Data.SanctionId) is not { } sanction) return;
        sanction.Type = e.Data.Type;
        sanction.ExpiresOn = e.Data.ExpiresOn;
    }

    public void Apply(IEvent<SanctionExpired> e, EmployeeHistory view) => Ended(view, e, e.Data.SanctionId, SanctionStatus.Expired, e.Data.ExpiredOn);

    public void Apply(IEvent<SanctionLifted> e, EmployeeHistory view) => Ended(view, e, e.Data.SanctionId, SanctionStatus.Lifted, e.Data.LiftedOn);

    /// <summary>Void from the start: it ends on the day it was ordered.</summary>
    public void Apply(IEvent<SanctionOverturned> e, EmployeeHistory view) =>
        Ended(view, e, e.Data.SanctionId, SanctionStatus.Overturned, Sanction(view, e.Data.SanctionId)?.OrderDate);

    public void Apply(IEvent<AbsenceRecorded> e, EmployeeHistory view)
    {
        Changed(view, e).Absences.Add(new Absence(e.Data.AbsenceId, e.Data.Kind, e.Data.From, e.Data.To));
        view.StreamVersion = e.Version;
    }

    public void Apply(IEvent<AbsenceCancelled> e, EmployeeHistory view)
    {
        Changed(view, e).Absences.RemoveAll(a => a.Id == e.Data.AbsenceId);
        view.StreamVersion = e.Version;
    }

    private static EmployeeHistory Changed(EmployeeHistory view, IEvent e)
    {
        view.LastChangedAt = EventTime.Of(e);
        return view;
    }

    private static EmployeeCase? Case(EmployeeHistory view, Guid caseId) => view.Cases.FirstOrDefault(c => c.CaseId == caseId);

    private static EmployeeSanction? Sanction(EmployeeHistory view, Guid sanctionId) => view.Sanctions.FirstOrDefault(s => s.SanctionId == sanctionId);

    private static void Ended(EmployeeHistory view, IEvent e, Guid sanctionId, SanctionStatus status, DateOnly? on)
    {
        if (Sanction(Changed(view, e), sanctionId) is { } sanction)
        {
            sanction.Status = status;
            sanction.EndedOn = on;
        }
        Recount(view);
    }

    private static void Recount(EmployeeHistory view) => view.HasActiveSanction = view.Sanctions.Any(s => s.Status == SanctionStatus.Active);
}
