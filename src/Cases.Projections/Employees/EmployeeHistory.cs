using Cases.Domain.Cases;
using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Cases.Projections.Cases;
using Cases.Projections.Sanctions;

namespace Cases.Projections.Employees;

/// <summary>
/// Everything on an employee's record, by personnel number: the cases where they were a subject and what each found,
/// every sanction with its state and dates, and their absences.
/// </summary>
public sealed class EmployeeHistory : IChangeTracked
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

public sealed partial class EmployeeHistoryProjection : ChangeTrackedMultiStreamProjection<EmployeeHistory, string>
{
    public EmployeeHistoryProjection()
    {
        Identities<CaseRegistered>(e => e.Subjects);
        Identity<SubjectIdentified>(e => e.PersonnelNumber);
        Identity<ISanctionFact>(e => e.PersonnelNumber);
        Identity<AbsenceRecorded>(e => e.PersonnelNumber);
        Identity<AbsenceCancelled>(e => e.PersonnelNumber);
        // A finding, closure or reopening names no employee: it belongs to every subject the case had at that point.
        // The cases of the whole page are read at once, for these and for the subjects identified.
        CustomGrouping(async (session, events, grouping) =>
        {
            await history.PrefetchAsync(session, events, CancellationToken.None);
            foreach (var e in events.Where(e => e.Data is FindingRecorded or CaseClosed or CaseReopened or CaseCategoryCorrected or CaseOutcomeCorrected))
            {
                // The case as it stood just before this event: its subjects then, the same on every rebuild.
                var before = (await history.OfAsync(session, e)).Before(e.StreamId, e.Version);
                foreach (var subject in SubjectsOf(before)) grouping.AddEvent(subject, e);
            }
        });
    }

    /// <summary>The case an event of its stream is about.</summary>
    private readonly StreamHistory.Pages history = new(e => e.Data is FindingRecorded or CaseClosed or CaseReopened or CaseCategoryCorrected
        or CaseOutcomeCorrected or SubjectIdentified ? e.StreamId : null);

    /// <summary>The subjects of a case after <paramref name="events"/>, as its write model counts them.</summary>
    private static IEnumerable<string> SubjectsOf(IEnumerable<object> events) => events.Aggregate(Enumerable.Empty<string>(), (subjects, e) => e switch
    {
        CaseRegistered r => r.Subjects,
        SubjectIdentified s => [.. subjects, s.PersonnelNumber],
        _ => subjects
    });

    public void Apply(CaseRegistered e, EmployeeHistory view) =>
        view.Cases.Add(new EmployeeCase { CaseId = e.CaseId, Number = e.Number, Category = e.Category, ReceivedOn = e.ReceivedOn });

    /// <summary>The case's number and receipt come from its registration, as corrected before this event.</summary>
    public async Task Apply(IEvent<SubjectIdentified> e, EmployeeHistory view, IQuerySession session)
    {
        var registered = CaseRecord.Registration((await history.OfAsync(session, e)).Before(e.StreamId, e.Version));
        view.Cases.Add(new EmployeeCase { CaseId = registered.CaseId, Number = registered.Number, Category = registered.Category, ReceivedOn = registered.ReceivedOn });
    }

    public void Apply(FindingRecorded e, EmployeeHistory view)
    {
        if (Case(view, e.CaseId) is not { } entry) return;
        entry.ViolationFound = e.ViolationFound;
        entry.EmployeesAtFault = [.. e.EmployeesAtFault];
        entry.EthicsArticlesViolated = [.. e.EthicsArticlesViolated];
        entry.FoundOn = e.FoundOn;
    }

    public void Apply(CaseClosed e, EmployeeHistory view)
    {
        if (Case(view, e.CaseId) is not { } entry) return;
        entry.Outcome = e.Outcome;
        entry.ClosedOn = e.ClosedOn;
    }

    public void Apply(CaseCategoryCorrected e, EmployeeHistory view) => Case(view, e.CaseId)?.Category = e.Category;

    public void Apply(CaseOutcomeCorrected e, EmployeeHistory view) => Case(view, e.CaseId)?.Outcome = e.Outcome;

    /// <summary>The earlier round's finding and outcome stay in the case's own history; the record shows the new round.</summary>
    public void Apply(CaseReopened e, EmployeeHistory view)
    {
        if (Case(view, e.CaseId) is not { } entry) return;
        entry.ViolationFound = null;
        entry.EmployeesAtFault = [];
        entry.EthicsArticlesViolated = [];
        entry.FoundOn = null;
        entry.Outcome = null;
        entry.ClosedOn = null;
    }

    public void Apply(SanctionImposed e, EmployeeHistory view)
    {
        view.Sanctions.Add(new EmployeeSanction
        {
            SanctionId = e.SanctionId, Type = e.Type, CaseNumber = e.CaseNumber, OrderNumber = e.OrderNumber, OrderDate = e.OrderDate,
            ExpiresOn = e.ExpiresOn, Status = SanctionStatus.Active
        });
        Recount(view);
    }

    public void Apply(SanctionAnnounced e, EmployeeHistory view) => Sanction(view, e.SanctionId)?.AnnouncedOn = e.AnnouncedOn;

    public void Apply(SanctionExpiryMoved e, EmployeeHistory view)
    {
        if (Sanction(view, e.SanctionId) is not { } sanction) return;
        sanction.ExpiresOn = e.ExpiresOn;
        if (sanction.Status == SanctionStatus.Expired)
        {
            sanction.Status = SanctionStatus.Active;
            sanction.EndedOn = null;
        }
        Recount(view);
    }

    /// <summary>The recorded expiry no longer counts; the event after it says how the sanction ended.</summary>
    public void Apply(SanctionExpiryRetracted e, EmployeeHistory view) => Ended(view, e.SanctionId, SanctionStatus.Active, null);

    public void Apply(SanctionPeriodRestated e, EmployeeHistory view)
    {
        if (Sanction(view, e.SanctionId) is not { } sanction) return;
        sanction.ExpiresOn = e.ExpiresOn;
        (sanction.Status, sanction.EndedOn) = SanctionPeriod.Restated(sanction.Status, sanction.EndedOn, e);
        Recount(view);
    }

    public void Apply(SanctionTypeCorrected e, EmployeeHistory view)
    {
        if (Sanction(view, e.SanctionId) is not { } sanction) return;
        sanction.Type = e.Type;
        sanction.ExpiresOn = e.ExpiresOn;
    }

    public void Apply(SanctionExpired e, EmployeeHistory view) => Ended(view, e.SanctionId, SanctionStatus.Expired, e.ExpiredOn);

    public void Apply(SanctionLifted e, EmployeeHistory view) => Ended(view, e.SanctionId, SanctionStatus.Lifted, e.LiftedOn);

    /// <summary>Void from the start: it ends on the day it was ordered.</summary>
    public void Apply(SanctionOverturned e, EmployeeHistory view) =>
        Ended(view, e.SanctionId, SanctionStatus.Overturned, Sanction(view, e.SanctionId)?.OrderDate);

    public void Apply(IEvent<AbsenceRecorded> e, EmployeeHistory view)
    {
        view.Absences.Add(new Absence(e.Data.AbsenceId, e.Data.Kind, e.Data.From, e.Data.To));
        view.StreamVersion = e.Version;
    }

    public void Apply(IEvent<AbsenceCancelled> e, EmployeeHistory view)
    {
        view.Absences.RemoveAll(a => a.Id == e.Data.AbsenceId);
        view.StreamVersion = e.Version;
    }

    private static EmployeeCase? Case(EmployeeHistory view, Guid caseId) => view.Cases.FirstOrDefault(c => c.CaseId == caseId);

    private static EmployeeSanction? Sanction(EmployeeHistory view, Guid sanctionId) => view.Sanctions.FirstOrDefault(s => s.SanctionId == sanctionId);

    private static void Ended(EmployeeHistory view, Guid sanctionId, SanctionStatus status, DateOnly? on)
    {
        if (Sanction(view, sanctionId) is { } sanction)
        {
            sanction.Status = status;
            sanction.EndedOn = on;
        }
        Recount(view);
    }

    private static void Recount(EmployeeHistory view) => view.HasActiveSanction = view.Sanctions.Any(s => s.Status == SanctionStatus.Active);
}
