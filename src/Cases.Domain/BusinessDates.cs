using Cases.Domain.ActionPlans;
using Cases.Domain.Audit;
using Cases.Domain.Calendars;
using Cases.Domain.Reminders;
using Cases.Domain.Calls;
using Cases.Domain.Cases;
using Cases.Domain.Commissions;
using Cases.Domain.Contacts;
using Cases.Domain.Employees;
using Cases.Domain.Meetings;
using Cases.Domain.MobileGroups;
using Cases.Domain.Monitoring;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using Cases.Domain.RiskAnalysis;
using Cases.Domain.Sanctions;

namespace Cases.Domain;

/// <summary>How an event's business date is found: the day the fact took effect, as opposed to the moment it was recorded.</summary>
public enum DatedBy
{
    /// <summary>The event names its own day (<see cref="BusinessDate.Day"/>).</summary>
    Itself,

    /// <summary>A correction says what was always true: it counts whatever the day.</summary>
    Correction,

    /// <summary>No day of its own: the day it was recorded on the organisation's clock, but no later than <see cref="BusinessDate.Day"/> if given.</summary>
    Recording,

    /// <summary>A fact of a meeting in session: the day of the fact before it in its stream (the meeting's).</summary>
    PreviousFact
}

public readonly record struct BusinessDate(DatedBy By, DateOnly? Day = null)
{
    public static BusinessDate On(DateOnly day) => new(DatedBy.Itself, day);

    /// <summary>The day the event counts from; null for a correction, which counts from the start.</summary>
    public DateOnly? CountsFrom(DateOnly recordedOn, DateOnly? previous) => By switch
    {
        DatedBy.Itself => Day,
        DatedBy.Correction => null,
        DatedBy.PreviousFact => previous ?? recordedOn,
        _ => Day is { } latest && latest < recordedOn ? latest : recordedOn
    };
}

/// <summary>
/// The business date of every event the service stores, one entry per type, so that a state can be rebuilt from the
/// facts in effect on a day (the replay's <c>effectiveOn</c>) as well as from the facts recorded by a moment.
/// </summary>
public static class BusinessDates
{
    /// <summary>A correction is named for what it does to the record: it corrects, retracts or restates an earlier fact.</summary>
    private static readonly string[] CorrectionSuffixes = ["Corrected", "Retracted", "Restated"];

    private static readonly Dictionary<Type, Func<object, BusinessDate>> Dated = new()
    {
        [typeof(CaseRegistered)] = On<CaseRegistered>(e => e.ReceivedOn),
        [typeof(ReminderRulesChanged)] = On<ReminderRulesChanged>(e => e.ChangedOn),
        [typeof(ReminderSent)] = On<ReminderSent>(e => e.SentOn),
        [typeof(ReminderAcknowledged)] = On<ReminderAcknowledged>(e => e.AcknowledgedOn),
        [typeof(ReminderSnoozed)] = On<ReminderSnoozed>(e => e.SnoozedOn),
        [typeof(DigestSent)] = On<DigestSent>(e => e.Day),
        [typeof(CaseAcknowledged)] = On<CaseAcknowledged>(e => e.AcknowledgedOn),
        [typeof(SubjectIdentified)] = On<SubjectIdentified>(e => e.IdentifiedOn),
        [typeof(InvestigatorAssigned)] = On<InvestigatorAssigned>(e => e.AssignedOn),
        [typeof(InvestigatorReassigned)] = On<InvestigatorReassigned>(e => e.ReassignedOn),
        [typeof(ExplanationRequested)] = On<ExplanationRequested>(e => e.RequestedOn),
        [typeof(ExplanationReceived)] = On<ExplanationReceived>(e => e.ReceivedOn),
        [typeof(ExplanationRefused)] = On<ExplanationRefused>(e => e.ActDate),
        [typeof(EvidenceAttached)] = On<EvidenceAttached>(e => e.ObtainedOn),
        [typeof(FindingRecorded)] = On<FindingRecorded>(e => e.FoundOn),
        [typeof(CaseReferredToCommission)] = On<CaseReferredToCommission>(e => e.ReferredOn),
        [typeof(CaseClosed)] = On<CaseClosed>(e => e.ClosedOn),
        [typeof(CaseReopened)] = On<CaseReopened>(e => e.ReopenedOn),
        [typeof(CaseArchived)] = On<CaseArchived>(e => e.ArchivedOn),
        [typeof(PersonalDataErased)] = On<PersonalDataErased>(e => e.ErasedOn),
        [typeof(ReceiptIssued)] = Undated,
        [typeof(ReporterMessagePosted)] = Undated,
        [typeof(InvestigatorReplied)] = Undated,
        [typeof(ReporterNoticeAddressGiven)] = On<ReporterNoticeAddressGiven>(e => e.GivenOn),
        [typeof(ReporterNoticeAddressRemoved)] = On<ReporterNoticeAddressRemoved>(e => e.RemovedOn),
        [typeof(ReporterNoticeSent)] = On<ReporterNoticeSent>(e => e.SentOn),
        [typeof(SensitiveRecordRead)] = Undated,
        [typeof(ContactRecorded)] = On<ContactRecorded>(e => e.ContactedOn),
        // A round is done, and its findings known, at the end of the period it covers.
        [typeof(MonitoringRoundRecorded)] = On<MonitoringRoundRecorded>(e => e.To),
        // The round as it should always have read, and a round withdrawn as never to be counted: both from the start.
        [typeof(MonitoringRoundCorrected)] = Correction,
        [typeof(MonitoringRoundWithdrawn)] = Correction,
        [typeof(RiskAnalysisStarted)] = On<RiskAnalysisStarted>(e => e.StartedOn),
        [typeof(CorruptionRiskIdentified)] = On<CorruptionRiskIdentified>(e => e.IdentifiedOn),
        [typeof(RiskAnalysisApproved)] = On<RiskAnalysisApproved>(e => e.ApprovedOn),
        [typeof(RiskActionAssigned)] = On<RiskActionAssigned>(e => e.AssignedOn),
        [typeof(RiskActionReported)] = On<RiskActionReported>(e => e.ReportedOn),
        [typeof(MobileGroupFormed)] = On<MobileGroupFormed>(e => e.FormedOn),
        [typeof(GroupMemberJoined)] = On<GroupMemberJoined>(e => e.JoinedOn),
        [typeof(GroupMemberLeft)] = On<GroupMemberLeft>(e => e.LeftOn),
        [typeof(VisitScheduleApproved)] = On<VisitScheduleApproved>(e => e.ApprovedOn),
        [typeof(GroupVisitHeld)] = On<GroupVisitHeld>(e => e.HeldOn),
        [typeof(MobileGroupDisbanded)] = On<MobileGroupDisbanded>(e => e.DisbandedOn),
        // Items in force from the plan's approval (or their addition); a report on the day it was made.
        [typeof(ActionPlanAdopted)] = On<ActionPlanAdopted>(e => e.ApprovedOn),
        [typeof(PlanItemAdded)] = On<PlanItemAdded>(e => e.AddedOn),
        [typeof(PlanItemReported)] = On<PlanItemReported>(e => e.ReportedOn),
        [typeof(CallsLogged)] = On<CallsLogged>(e => e.Date),
        // The day's calls as they always were.
        [typeof(CallsCorrected)] = Correction,
        [typeof(CallLineConfigured)] = Undated,
        [typeof(CalendarYearPublished)] = Undated,
        [typeof(CommissionEstablished)] = On<CommissionEstablished>(e => e.EstablishedOn),
        [typeof(CommissionMemberAppointed)] = On<CommissionMemberAppointed>(e => e.From),
        [typeof(CommissionMemberReleased)] = On<CommissionMemberReleased>(e => e.Until),
        // A meeting is called before its day, or entered after it: never later than the day it is for.
        [typeof(MeetingScheduled)] = e => new BusinessDate(DatedBy.Recording, DateOnly.FromDateTime(((MeetingScheduled)e).ScheduledFor.DateTime)),
        [typeof(MeetingRescheduled)] = e => new BusinessDate(DatedBy.Recording, DateOnly.FromDateTime(((MeetingRescheduled)e).ScheduledFor.DateTime)),
        [typeof(MeetingCancelled)] = On<MeetingCancelled>(e => e.CancelledOn),
        [typeof(MeetingOpened)] = On<MeetingOpened>(e => e.HeldOn),
        [typeof(AttendanceRecorded)] = InSession,
        [typeof(MemberRecused)] = InSession,
        [typeof(VoteCast)] = InSession,
        [typeof(ItemResolved)] = InSession,
        [typeof(HearingRecorded)] = InSession,
        [typeof(MinutesSigned)] = On<MinutesSigned>(e => e.SignedOn),
        [typeof(DecisionAdopted)] = On<DecisionAdopted>(e => e.AdoptedOn),
        [typeof(ExecutionReported)] = On<ExecutionReported>(e => e.ReportedOn),
        [typeof(ExtensionRequested)] = On<ExtensionRequested>(e => e.RequestedOn),
        [typeof(ExtensionGranted)] = On<ExtensionGranted>(e => e.GrantedOn),
        [typeof(ExtensionRefused)] = On<ExtensionRefused>(e => e.RefusedOn),
        [typeof(DecisionBecameOverdue)] = On<DecisionBecameOverdue>(e => DecisionDeadline.OverdueFrom(e.DueDate)),
        // The instruction was given on the day the commission adopted it, whenever the message brought it here.
        [typeof(InstructionReceived)] = On<InstructionReceived>(e => e.AdoptedOn),
        [typeof(InstructionExecutionReported)] = On<InstructionExecutionReported>(e => e.ReportedOn),
        [typeof(SanctionImposed)] = On<SanctionImposed>(e => e.OrderDate),
        [typeof(SanctionAnnounced)] = On<SanctionAnnounced>(e => e.AnnouncedOn),
        [typeof(SanctionAppealed)] = On<SanctionAppealed>(e => e.FiledOn),
        [typeof(SanctionUpheld)] = On<SanctionUpheld>(e => e.DecidedOn),
        [typeof(SanctionOverturned)] = On<SanctionOverturned>(e => e.DecidedOn),
        [typeof(SanctionLifted)] = On<SanctionLifted>(e => e.LiftedOn),
        // The period as the employee's absences make it, however late they were entered: true from the order on.
        [typeof(SanctionExpiryMoved)] = Correction,
        [typeof(SanctionExpired)] = On<SanctionExpired>(e => e.ExpiredOn),
        [typeof(AbsenceRecorded)] = On<AbsenceRecorded>(e => e.From),
        // Recorded in error: it never was.
        [typeof(AbsenceCancelled)] = Correction
    };

    /// <summary>Whether the type has a business date: listed, or a correction by its name.</summary>
    public static bool Maps(Type type) => Dated.ContainsKey(type) || IsCorrection(type);

    public static bool IsCorrection(Type type) => CorrectionSuffixes.Any(s => type.Name.EndsWith(s, StringComparison.Ordinal));

    public static BusinessDate Of(object data) =>
        Dated.TryGetValue(data.GetType(), out var date) ? date(data)
        : IsCorrection(data.GetType()) ? new BusinessDate(DatedBy.Correction)
        : throw new ArgumentException($"{data.GetType().Name} has no business date: add it to {nameof(BusinessDates)}.", nameof(data));

    private static Func<object, BusinessDate> On<T>(Func<T, DateOnly> day) => e => BusinessDate.On(day((T)e));

    private static BusinessDate Undated(object _) => new(DatedBy.Recording);

    private static BusinessDate InSession(object _) => new(DatedBy.PreviousFact);

    private static BusinessDate Correction(object _) => new(DatedBy.Correction);
}
