using Cases.Domain.Cases;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cases.Projections.Cases;

/// <summary>What a case worker sees of one case. Updated in the same transaction as the case's events.</summary>
public sealed class CaseSummary
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

public sealed record FindingSummary(bool ViolationFound, string[] EmployeesAtFault, string[] EthicsArticlesViolated, bool CorruptionRelated, string Summary, DateOnly FoundOn);

public sealed partial class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    // An archived case leaves the active records; its statistics and audit entries are documents of their own and stay.
    public CaseSummaryProjection() => DeleteEvent<CaseArchived>();

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
        RegisteredAt = EventTime.Of(e),
        LastChangedAt = EventTime.Of(e)
    };

    public void Apply(IEvent<CaseAcknowledged> e, CaseSummary view)
    {
        view.Status = CaseStatus.Acknowledged;
        view.AcknowledgedOn = e.Data.AcknowledgedOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<SubjectIdentified> e, CaseSummary view)
    {
        view.Subjects = [.. view.Subjects, e.Data.PersonnelNumber];
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<InvestigatorAssigned> e, CaseSummary view)
    {
        view.Status = CaseStatus.UnderInvestigation;
        view.Investigator = e.Data.Investigator;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<InvestigatorReassigned> e, CaseSummary view)
    {
        view.Investigator = e.Data.Investigator;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<ExplanationRequested> e, CaseSummary view)
    {
        view.Explanations.Add(new ExplanationSummary(e.Data.PersonnelNumber, e.Data.RequestedOn, ExplanationState.Requested, null));
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<ExplanationReceived> e, CaseSummary view) =>
        Answer(view, e.Data.PersonnelNumber, ExplanationState.Given, e.Data.ReceivedOn, EventTime.Of(e));

    public void Apply(IEvent<ExplanationRefused> e, CaseSummary view) =>
        Answer(view, e.Data.PersonnelNumber, ExplanationState.Refused, e.Data.ActDate, EventTime.Of(e));

    public void Apply(IEvent<EvidenceAttached> e, CaseSummary view)
    {
        var d = e.Data;
        view.Evidence.Add(new EvidenceSummary(d.EvidenceId, d.FileName, d.MediaType, d.SizeBytes, d.Sha256, d.Description, d.ObtainedOn));
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<FindingRecorded> e, CaseSummary view)
    {
        var d = e.Data;
        view.Finding = new FindingSummary(d.ViolationFound, [.. d.EmployeesAtFault], [.. d.EthicsArticlesViolated], d.CorruptionRelated, d.Summary, d.FoundOn);
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseReferredToCommission> e, CaseSummary view)
    {
        view.Status = CaseStatus.ReferredToCommission;
        view.Commission = e.Data.Commission;
        view.ReferredOn = e.Data.ReferredOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseClosed> e, CaseSummary view)
    {
        view.Status = CaseStatus.Closed;
        view.Outcome = e.Data.Outcome;
        view.ClosedOn = e.Data.ClosedOn;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseReopened> e, CaseSummary view)
    {
        // The earlier round's finding, referral and outcome stay in the case's history; the summary shows the new round.
        view.Status = Case.StatusWhenReopened(view.Investigator is not null, view.AcknowledgedOn is not null);
        view.Finding = null;
        view.Commission = null;
        view.ReferredOn = null;
        view.Outcome = null;
        view.ClosedOn = null;
        view.TimesReopened++;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseChannelCorrected> e, CaseSummary view)
    {
        view.Channel = e.Data.Channel;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseCategoryCorrected> e, CaseSummary view)
    {
        view.Category = e.Data.Category;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<CaseOutcomeCorrected> e, CaseSummary view)
    {
        view.Outcome = e.Data.Outcome;
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<PersonalDataErased> e, CaseSummary view)
    {
        view.ComplainantErased = true;
        view.LastChangedAt = EventTime.Of(e);
    }

    // The public thread changes the case's version, which the summary gives to the next command.
    public void Apply(IEvent<ReceiptIssued> e, CaseSummary view) => view.LastChangedAt = EventTime.Of(e);

    public void Apply(IEvent<ReporterMessagePosted> e, CaseSummary view) => view.LastChangedAt = EventTime.Of(e);

    public void Apply(IEvent<InvestigatorReplied> e, CaseSummary view) => view.LastChangedAt = EventTime.Of(e);

    private static void Answer(CaseSummary view, string personnelNumber, ExplanationState state, DateOnly answeredOn, DateTimeOffset at)
    {
        var index = view.Explanations.FindLastIndex(x => x.PersonnelNumber == personnelNumber && x.State == ExplanationState.Requested);
        if (index >= 0) view.Explanations[index] = view.Explanations[index] with { State = state, AnsweredOn = answeredOn };
        view.LastChangedAt = at;
    }
}
