using Cases.Domain.Cases;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using JasperFx.Events;

namespace Cases.Projections.Cases;

/// <summary>What a case worker sees of one case. Updated in the same transaction as the case's events.</summary>
public sealed class CaseSummary : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The stream version this summary reflects; commands send it back as their expected version.</summary>
    public long Version { get; set; }

    public string Number { get; set; } = "";
    public CaseStatus Status { get; set; }
    public Channel Channel { get; set; }
    public Category Category { get; set; }
    public string[] Subjects { get; set; } = [];
    public bool ComplainantAnonymous { get; set; }
    public bool ComplainantIdentified { get; set; }

    /// <summary>The complainant's identity was erased: their key is destroyed, and no endpoint can read it again.</summary>
    public bool ComplainantErased { get; set; }
    public string Summary { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>When the reporter must have heard back, for a case that owes feedback (see <see cref="ReporterDeadlines"/>).</summary>
    public DateOnly? FeedbackDueOn { get; set; }
    public string? Investigator { get; set; }
    public List<ExplanationSummary> Explanations { get; set; } = [];
    public List<EvidenceSummary> Evidence { get; set; } = [];
    public FindingSummary? Finding { get; set; }
    public string? Commission { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int TimesReopened { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

public enum ExplanationState
{
    Requested,
    Given,
    Refused
}

public sealed record ExplanationSummary(string PersonnelNumber, DateOnly RequestedOn, ExplanationState State, DateOnly? AnsweredOn);

public sealed record EvidenceSummary(Guid EvidenceId, string FileName, string MediaType, long SizeBytes, string Sha256, string Description, DateOnly ObtainedOn);

public sealed record FindingSummary(bool ViolationFound, string[] EmployeesAtFault, string[] EthicsArticlesViolated, bool CorruptionRelated, string Summary, DateOnly FoundOn,
    DateOnly? OffenceCommittedOn = null);

/// <summary>The reporter's clocks are those configured, given at registration, so that a rebuild counts the same.</summary>
public sealed partial class CaseSummaryProjection : ChangeTrackedProjection<CaseSummary>
{
    private readonly ReporterDeadlines _reporter;

    public CaseSummaryProjection(ReporterDeadlines reporter)
    {
        _reporter = reporter;
        // An archived case leaves the active records; its statistics and audit entries are documents of their own and stay.
        DeleteEvent<CaseArchived>();
        // The public thread shows nowhere in the summary but in the case's version, which the summary gives to the next
        // command, and in its last change.
        IncludeType<ReceiptIssued>();
        IncludeType<ReporterMessagePosted>();
        IncludeType<InvestigatorReplied>();
        IncludeType<ReporterNoticeAddressGiven>();
        IncludeType<ReporterNoticeAddressRemoved>();
        IncludeType<ReporterNoticeSent>();
    }

    public CaseSummary Create(IEvent<CaseRegistered> e) => new()
    {
        Id = e.Data.CaseId,
        Number = e.Data.Number,
        Status = CaseStatus.Registered,
        Channel = e.Data.Channel,
        Category = e.Data.Category,
        Subjects = [.. e.Data.Subjects],
        ComplainantAnonymous = e.Data.Complainant?.Anonymous ?? false,
        ComplainantIdentified = e.Data.Complainant is { Anonymous: false },
        Summary = e.Data.Summary,
        ReceivedOn = e.Data.ReceivedOn,
        FeedbackDueOn = ReporterDeadlines.FeedbackOwed(e.Data) ? _reporter.FeedbackDueOn(e.Data.ReceivedOn, null) : null,
        RegisteredAt = EventTime.Of(e)
    };

    public void Apply(CaseAcknowledged e, CaseSummary view)
    {
        view.Status = CaseStatus.Acknowledged;
        view.AcknowledgedOn = e.AcknowledgedOn;
        if (view.FeedbackDueOn is not null) view.FeedbackDueOn = _reporter.FeedbackDueOn(view.ReceivedOn, e.AcknowledgedOn);
    }

    public void Apply(SubjectIdentified e, CaseSummary view) => view.Subjects = [.. view.Subjects, e.PersonnelNumber];

    public void Apply(InvestigatorAssigned e, CaseSummary view)
    {
        view.Status = CaseStatus.UnderInvestigation;
        view.Investigator = e.Investigator;
    }

    public void Apply(InvestigatorReassigned e, CaseSummary view) => view.Investigator = e.Investigator;

    public void Apply(ExplanationRequested e, CaseSummary view) =>
        view.Explanations.Add(new ExplanationSummary(e.PersonnelNumber, e.RequestedOn, ExplanationState.Requested, null));

    public void Apply(ExplanationReceived e, CaseSummary view) =>
        Answer(view, e.PersonnelNumber, ExplanationState.Given, e.ReceivedOn);

    public void Apply(ExplanationRefused e, CaseSummary view) =>
        Answer(view, e.PersonnelNumber, ExplanationState.Refused, e.ActDate);

    public void Apply(EvidenceAttached e, CaseSummary view) =>
        view.Evidence.Add(new EvidenceSummary(e.EvidenceId, e.FileName, e.MediaType, e.SizeBytes, e.Sha256, e.Description, e.ObtainedOn));

    public void Apply(FindingRecorded e, CaseSummary view) =>
        view.Finding = new FindingSummary(e.ViolationFound, [.. e.EmployeesAtFault], [.. e.EthicsArticlesViolated], e.CorruptionRelated, e.Summary, e.FoundOn,
            e.OffenceCommittedOn);

    public void Apply(CaseReferredToCommission e, CaseSummary view)
    {
        view.Status = CaseStatus.ReferredToCommission;
        view.Commission = e.Commission;
        view.ReferredOn = e.ReferredOn;
    }

    public void Apply(CaseClosed e, CaseSummary view)
    {
        view.Status = CaseStatus.Closed;
        view.Outcome = e.Outcome;
        view.ClosedOn = e.ClosedOn;
    }

    public void Apply(CaseReopened e, CaseSummary view)
    {
        // The earlier round's finding, referral and outcome stay in the case's history; the summary shows the new round.
        view.Status = Case.StatusWhenReopened(view.Investigator is not null, view.AcknowledgedOn is not null);
        view.Finding = null;
        view.Commission = null;
        view.ReferredOn = null;
        view.Outcome = null;
        view.ClosedOn = null;
        view.TimesReopened++;
    }

    public void Apply(CaseChannelCorrected e, CaseSummary view) => view.Channel = e.Channel;

    public void Apply(CaseCategoryCorrected e, CaseSummary view) => view.Category = e.Category;

    public void Apply(CaseOutcomeCorrected e, CaseSummary view) => view.Outcome = e.Outcome;

    public void Apply(PersonalDataErased e, CaseSummary view) => view.ComplainantErased = true;

    private static void Answer(CaseSummary view, string personnelNumber, ExplanationState state, DateOnly answeredOn)
    {
        var index = view.Explanations.FindLastIndex(x => x.PersonnelNumber == personnelNumber && x.State == ExplanationState.Requested);
        if (index >= 0) view.Explanations[index] = view.Explanations[index] with { State = state, AnsweredOn = answeredOn };
    }
}
