using Cases.Domain.Cases;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Cases.Projections.Sanctions;

namespace Cases.Projections.Deadlines;

public enum DeadlineKind
{
    /// <summary>A registered case is acknowledged within 7 days of receipt.</summary>
    CaseAcknowledgement,

    /// <summary>
    /// The reporter hears back within 3 months of the acknowledgement, or of the end of the 7 days it was due in while
    /// none is recorded (Directive (EU) 2019/1937 art. 9(1)(f)): an identified complainant, or a public reporter.
    /// It starts on the receipt, and on the acknowledgement once that is recorded.
    /// </summary>
    ComplainantFeedback,

    /// <summary>The employee's written explanation: an act of refusal may follow after the working days allowed.</summary>
    Explanation,

    /// <summary>The last day to impose a sanction for an offence a finding established (art. 65).</summary>
    SanctionImposition,

    /// <summary>The sanction order is announced to the employee (art. 65).</summary>
    OrderAnnouncement,

    /// <summary>The sanction's period runs out (art. 66).</summary>
    SanctionExpiry,

    /// <summary>A protocol decision is due to be executed.</summary>
    DecisionExecution,

    /// <summary>
    /// No explanation came by its last day: the act of refusal is due on the next working day. Counted when read from
    /// the explanation still awaited, never stored.
    /// </summary>
    ActOfRefusal,

    /// <summary>
    /// A responsible body owes an action plan item by its term, or, for an item on an ongoing basis, the report on the
    /// reporting period ending that day. Counted when read from the plan's summary, never stored.
    /// </summary>
    PlanItemDue,

    /// <summary>A closed case is due to be archived: its retention period is over. Counted when read, never stored.</summary>
    Retention
}

/// <summary>
/// One obligation still open. <see cref="DueOn"/> is set when the facts fix it; an explanation's and an imposition's
/// are counted when read, on the organisation's calendar and the employee's absences as they are then.
/// </summary>
public sealed class Deadline
{
    public string Id { get; set; } = "";
    public DeadlineKind Kind { get; set; }
    public Guid StreamId { get; set; }
    public string Reference { get; set; } = "";
    public string? PersonnelNumber { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? DueOn { get; set; }

    public static string IdOf(DeadlineKind kind, Guid streamId, string? personnelNumber = null) =>
        personnelNumber is null ? $"{kind}:{streamId:N}" : $"{kind}:{streamId:N}:{personnelNumber}";
}

/// <summary>
/// Opens a deadline when a fact starts a clock, and closes it when the fact it waits for is recorded. The reporter's
/// clocks are those configured (<see cref="ReporterDeadlines"/>), given at registration, so a rebuild counts the same.
/// </summary>
public sealed partial class DeadlineProjection : EventProjection
{
    private readonly ReporterDeadlines reporter;

    public DeadlineProjection(ReporterDeadlines reporter)
    {
        this.reporter = reporter;
        // Named, so that the watch can wait for the projection that writes them (Marten finds it by this type).
        RegisterPublishedType(typeof(Deadline));
    }

    /// <summary>The stream an event's deadline is counted from: its case's, sanction's or decision's.</summary>
    private readonly StreamHistory.Pages history = new(e => e.Data switch
    {
        CaseAcknowledged x => x.CaseId,
        ExplanationRequested x => x.CaseId,
        FindingRecorded { ViolationFound: true } x => x.CaseId,
        SanctionExpiryMoved x => x.SanctionId,
        SanctionTypeCorrected x => x.SanctionId,
        SanctionPeriodRestated x => x.SanctionId,
        ExtensionGranted x => x.DecisionId,
        _ => null
    });

    public override Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        history.PrefetchAsync(querySession, events, cancellation);

    public void Project(IEvent<CaseRegistered> e, IDocumentOperations ops)
    {
        var d = e.Data;
        ops.Store(Open(DeadlineKind.CaseAcknowledgement, d.CaseId, d.Number, d.ReceivedOn, reporter.AcknowledgementDueOn(d.ReceivedOn)));
        if (ReporterDeadlines.FeedbackOwed(d))
        {
            ops.Store(Open(DeadlineKind.ComplainantFeedback, d.CaseId, d.Number, d.ReceivedOn, reporter.FeedbackDueOn(d.ReceivedOn, null)));
        }
    }

    /// <summary>
    /// The feedback clock starts again from the acknowledgement's date, however late it is entered. Counted from the
    /// stream's own events rather than the stored deadline, which a rebuild may not have written yet; a case closed
    /// before (and since reopened) owes no feedback deadline any more, as its closing removed it.
    /// </summary>
    public async Task Project(IEvent<CaseAcknowledged> e, IDocumentOperations ops)
    {
        ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.CaseAcknowledgement, e.Data.CaseId));
        var stream = await history.OfAsync(ops, e);
        var registered = stream.Start<CaseRegistered>(e.Data.CaseId);
        if (!ReporterDeadlines.FeedbackOwed(registered)) return;
        if (stream.Before(e.Data.CaseId, e.Version).Any(x => x is CaseClosed)) return;
        ops.Store(Open(DeadlineKind.ComplainantFeedback, registered.CaseId, registered.Number, e.Data.AcknowledgedOn,
            reporter.FeedbackDueOn(registered.ReceivedOn, e.Data.AcknowledgedOn)));
    }

    public async Task Project(IEvent<ExplanationRequested> e, IDocumentOperations ops)
    {
        var number = (await history.OfAsync(ops, e)).Start<CaseRegistered>(e.Data.CaseId).Number;
        ops.Store(Open(DeadlineKind.Explanation, e.Data.CaseId, number, e.Data.RequestedOn, null, e.Data.PersonnelNumber));
    }

    public void Project(IEvent<ExplanationReceived> e, IDocumentOperations ops) =>
        ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.Explanation, e.Data.CaseId, e.Data.PersonnelNumber));

    public void Project(IEvent<ExplanationRefused> e, IDocumentOperations ops) =>
        ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.Explanation, e.Data.CaseId, e.Data.PersonnelNumber));

    public async Task Project(IEvent<FindingRecorded> e, IDocumentOperations ops)
    {
        if (!e.Data.ViolationFound) return;
        var number = (await history.OfAsync(ops, e)).Start<CaseRegistered>(e.Data.CaseId).Number;
        foreach (var employee in e.Data.EmployeesAtFault)
        {
            ops.Store(Open(DeadlineKind.SanctionImposition, e.Data.CaseId, number, e.Data.FoundOn, null, employee));
        }
    }

    /// <summary>A closed case owes no acknowledgement, feedback or explanation any more; sanctions may still follow.</summary>
    public void Project(IEvent<CaseClosed> e, IDocumentOperations ops) =>
        ops.DeleteWhere<Deadline>(x => x.StreamId == e.Data.CaseId && x.Kind != DeadlineKind.SanctionImposition);

    /// <summary>The new round of investigation owes a new finding before any sanction.</summary>
    public void Project(IEvent<CaseReopened> e, IDocumentOperations ops) =>
        ops.DeleteWhere<Deadline>(x => x.StreamId == e.Data.CaseId && x.Kind == DeadlineKind.SanctionImposition);

    public void Project(IEvent<SanctionImposed> e, IDocumentOperations ops)
    {
        var d = e.Data;
        ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.SanctionImposition, d.CaseId, d.PersonnelNumber));
        ops.Store(Open(DeadlineKind.OrderAnnouncement, d.SanctionId, ReferenceOf(d), d.OrderDate, d.AnnounceBy, d.PersonnelNumber));
        if (d.ExpiresOn is { } expiresOn)
        {
            ops.Store(Open(DeadlineKind.SanctionExpiry, d.SanctionId, ReferenceOf(d), d.OrderDate, expiresOn, d.PersonnelNumber));
        }
    }

    public void Project(IEvent<SanctionAnnounced> e, IDocumentOperations ops) =>
        ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.OrderAnnouncement, e.Data.SanctionId, e.Data.PersonnelNumber));

    /// <summary>Moves the expiry, or watches it again for a sanction back in force after expiring too early.</summary>
    public async Task Project(IEvent<SanctionExpiryMoved> e, IDocumentOperations ops)
    {
        var imposed = (await history.OfAsync(ops, e)).Start<SanctionImposed>(e.Data.SanctionId);
        ops.Store(Open(DeadlineKind.SanctionExpiry, imposed.SanctionId, ReferenceOf(imposed), imposed.OrderDate, e.Data.ExpiresOn, imposed.PersonnelNumber));
    }

    /// <summary>A correction to or from a dismissal, made while the sanction is in force, starts or stops watching its expiry.</summary>
    public async Task Project(IEvent<SanctionTypeCorrected> e, IDocumentOperations ops)
    {
        var stream = await history.OfAsync(ops, e);
        var before = await stream.AggregateBeforeAsync<Sanction>(ops, e.Data.SanctionId, e.Version);
        if (before is not { IsActive: true } || before.ExpiresOn == e.Data.ExpiresOn) return;
        if (e.Data.ExpiresOn is not { } expiresOn)
        {
            ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.SanctionExpiry, e.Data.SanctionId, e.Data.PersonnelNumber));
            return;
        }
        var imposed = stream.Start<SanctionImposed>(e.Data.SanctionId);
        ops.Store(Open(DeadlineKind.SanctionExpiry, imposed.SanctionId, ReferenceOf(imposed), imposed.OrderDate, expiresOn, imposed.PersonnelNumber));
    }

    /// <summary>A restated period moves the watched expiry of a sanction still in force, or watches it again for one back in force.</summary>
    public async Task Project(IEvent<SanctionPeriodRestated> e, IDocumentOperations ops)
    {
        var stream = await history.OfAsync(ops, e);
        var before = await stream.AggregateBeforeAsync<Sanction>(ops, e.Data.SanctionId, e.Version);
        if (before?.Apply(e.Data) is not { IsActive: true }) return;
        var imposed = stream.Start<SanctionImposed>(e.Data.SanctionId);
        ops.Store(Open(DeadlineKind.SanctionExpiry, imposed.SanctionId, ReferenceOf(imposed), imposed.OrderDate, e.Data.ExpiresOn, imposed.PersonnelNumber));
    }

    public void Project(IEvent<SanctionExpired> e, IDocumentOperations ops) => Ended(ops, e.Data.SanctionId);

    public void Project(IEvent<SanctionLifted> e, IDocumentOperations ops) => Ended(ops, e.Data.SanctionId);

    public void Project(IEvent<SanctionOverturned> e, IDocumentOperations ops) => Ended(ops, e.Data.SanctionId);

    public void Project(IEvent<DecisionAdopted> e, IDocumentOperations ops) =>
        ops.Store(Open(DeadlineKind.DecisionExecution, e.Data.DecisionId, e.Data.ProtocolNumber, e.Data.AdoptedOn, e.Data.DueDate));

    public void Project(IEvent<ExecutionReported> e, IDocumentOperations ops)
    {
        if (e.Data.Progress == ExecutionProgress.Executed) ops.Delete<Deadline>(Deadline.IdOf(DeadlineKind.DecisionExecution, e.Data.DecisionId));
    }

    /// <summary>
    /// A grant is only made before execution, so the deadline is open: built again from the adoption, which a rebuild
    /// can read, rather than from the stored document, which a rebuild may not have written yet.
    /// </summary>
    public async Task Project(IEvent<ExtensionGranted> e, IDocumentOperations ops)
    {
        var adopted = (await history.OfAsync(ops, e)).Start<DecisionAdopted>(e.Data.DecisionId);
        ops.Store(Open(DeadlineKind.DecisionExecution, adopted.DecisionId, adopted.ProtocolNumber, adopted.AdoptedOn, e.Data.NewDueDate));
    }

    private static Deadline Open(DeadlineKind kind, Guid streamId, string reference, DateOnly startsOn, DateOnly? dueOn, string? personnelNumber = null) => new()
    {
        Id = Deadline.IdOf(kind, streamId, personnelNumber),
        Kind = kind,
        StreamId = streamId,
        Reference = reference,
        PersonnelNumber = personnelNumber,
        StartsOn = startsOn,
        DueOn = dueOn
    };

    private static string ReferenceOf(SanctionImposed imposed) => $"{imposed.OrderNumber} ({imposed.CaseNumber})";

    private static void Ended(IDocumentOperations ops, Guid sanctionId) =>
        ops.DeleteWhere<Deadline>(x => x.StreamId == sanctionId);
}
