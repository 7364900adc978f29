using Cases.Domain.Cases;
using Cases.Domain.Sanctions;
using Case = Cases.Domain.Cases.Case;

namespace Cases.Domain.Tests.Cases;

/// <summary>The facts of one case's life, and its state after some of them, to test decisions without a database.</summary>
public static class CaseHistory
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly DateOnly Received = new(2021, 3, 2);
    public static readonly DateTimeOffset Now = new(2021, 3, 20, 10, 0, 0, TimeSpan.Zero);
    public static readonly WorkingCalendar Weekends = WorkingCalendar.WeekendsOnly;
    public static readonly SanctionRules Statute = new();

    public static CaseRegistered Registered(params string[] subjects) => new(Id, "2021-0007", Channel.CallCentre,
        Category.MedicalCare, subjects.Length == 0 ? ["E-1042"] : subjects, null, "Waited five hours", Received);

    public static readonly object Acknowledged = new CaseAcknowledged(Id, Received);
    public static readonly object Assigned = new InvestigatorAssigned(Id, "d.sultanova", Received.AddDays(1));
    public static readonly object AwaitingExplanation = new ExplanationRequested(Id, "E-1042", new DateOnly(2021, 3, 10));
    public static readonly object ExplanationGiven = new ExplanationReceived(Id, "E-1042", new DateOnly(2021, 3, 11), "Busy");
    public static readonly object ViolationFound = new FindingRecorded(Id, true, ["E-1042"], ["4.2"], false, "Rude", Received.AddDays(9));
    public static readonly object NoViolationFound = new FindingRecorded(Id, false, [], [], false, "Fine", Received.AddDays(9));
    public static readonly object Referred = new CaseReferredToCommission(Id, "disciplinary", Received.AddDays(10));
    public static readonly object Closed = new CaseClosed(Id, CaseOutcome.Withdrawn, "Withdrawn", Received.AddDays(11));
    public static readonly object Reopened = new CaseReopened(Id, "Appeal", Received.AddDays(12));

    public static Case Replay(params object[] events) => History.Of<Case>(events);

    public static Case Investigating(params object[] more) =>
        Replay([Registered(), Acknowledged, Assigned, .. more]);
}
