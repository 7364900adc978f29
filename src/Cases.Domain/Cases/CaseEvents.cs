namespace Cases.Domain.Cases;

// The facts of a case's life. Who recorded each and when come from event metadata; the dates here are business
// dates (a letter received last Friday is registered today). Never change the meaning of these records: add new ones.

/// <summary>
/// A complainant; <see cref="Anonymous"/> reporters give no identity. <see cref="PersonnelNumber"/> is set when the
/// complainant is an employee of the organisation, so that they never sit on the commission that hears their case.
/// </summary>
public sealed record Complainant(bool Anonymous, string? Name = null, string? Phone = null, string? Email = null,
    string? PersonnelNumber = null);

/// <summary>
/// A case begins. Registrations stored before personal data was encrypted carry the complainant's identity in
/// <see cref="Complainant"/>; later ones keep there only whether the complainant is anonymous, and the identity in
/// <see cref="SealedComplainant"/>, encrypted under a key of the complainant's own that erasure destroys.
/// </summary>
public sealed record CaseRegistered(
    Guid CaseId,
    string Number,
    Channel Channel,
    Category Category,
    IReadOnlyList<string> Subjects,
    Complainant? Complainant,
    string Summary,
    DateOnly ReceivedOn,
    Privacy.SealedPersonalData? SealedComplainant = null);

public sealed record CaseAcknowledged(Guid CaseId, DateOnly AcknowledgedOn);

/// <summary>An employee the investigation found concerned, who was not named when the case was registered.</summary>
public sealed record SubjectIdentified(Guid CaseId, string PersonnelNumber, DateOnly IdentifiedOn);

public sealed record InvestigatorAssigned(Guid CaseId, string Investigator, DateOnly AssignedOn);

public sealed record InvestigatorReassigned(Guid CaseId, string Investigator, string PreviousInvestigator, DateOnly ReassignedOn);

public sealed record ExplanationRequested(Guid CaseId, string PersonnelNumber, DateOnly RequestedOn);

public sealed record ExplanationReceived(Guid CaseId, string PersonnelNumber, DateOnly ReceivedOn, string Text);

/// <summary>The employee refused to explain; an act of refusal was drawn up and signed by witnesses.</summary>
public sealed record ExplanationRefused(
    Guid CaseId, string PersonnelNumber, DateOnly ActDate, IReadOnlyList<string> Witnesses);

/// <summary>Evidence is described and fingerprinted; the file itself is kept elsewhere.</summary>
public sealed record EvidenceAttached(
    Guid CaseId,
    Guid EvidenceId,
    string FileName,
    string MediaType,
    long SizeBytes,
    string Sha256,
    string Description,
    DateOnly ObtainedOn);

/// <summary>
/// The investigation's conclusion. When a violation is found, <see cref="EmployeesAtFault"/> names the subjects who
/// committed it; an empty <see cref="EthicsArticlesViolated"/> then means a breach of labour discipline outside the
/// code of ethics. <see cref="OffenceCommittedOn"/> is the day of the misconduct when the finding names it (findings
/// recorded before it existed read null): a repeated misconduct is judged by the sanctions in force on that day.
/// </summary>
public sealed record FindingRecorded(
    Guid CaseId,
    bool ViolationFound,
    IReadOnlyList<string> EmployeesAtFault,
    IReadOnlyList<string> EthicsArticlesViolated,
    bool CorruptionRelated,
    string Summary,
    DateOnly FoundOn,
    DateOnly? OffenceCommittedOn = null);

public sealed record CaseReferredToCommission(Guid CaseId, string Commission, DateOnly ReferredOn);

public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, string Summary, DateOnly ClosedOn);

public sealed record CaseReopened(Guid CaseId, string Reason, DateOnly ReopenedOn);

/// <summary>
/// The name each case event is stored under. Pinned here so that renaming or moving a record never orphans the events
/// already written; a name, once used, never changes meaning.
/// </summary>
/// <summary>
/// The channel the case should have been registered on: the registration (event <see cref="Sequence"/>) stays as stored,
/// with <see cref="StoredValue"/> in JSON, and every record reads this one from now on.
/// </summary>
public sealed record CaseChannelCorrected(Guid CaseId, long Sequence, string StoredValue, Channel Channel, string Reason, DateOnly CorrectedOn);

/// <summary>The category the case should have been registered in; as <see cref="CaseChannelCorrected"/>.</summary>
public sealed record CaseCategoryCorrected(Guid CaseId, long Sequence, string StoredValue, Category Category, string Reason, DateOnly CorrectedOn);

/// <summary>The outcome the standing closing (event <see cref="Sequence"/>) should have recorded; as <see cref="CaseChannelCorrected"/>.</summary>
public sealed record CaseOutcomeCorrected(Guid CaseId, long Sequence, string StoredValue, CaseOutcome Outcome, string Reason, DateOnly CorrectedOn);

public static class CaseEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(CaseRegistered)] = "case_registered",
        [typeof(CaseAcknowledged)] = "case_acknowledged",
        [typeof(SubjectIdentified)] = "subject_identified",
        [typeof(InvestigatorAssigned)] = "investigator_assigned",
        [typeof(InvestigatorReassigned)] = "investigator_reassigned",
        [typeof(ExplanationRequested)] = "explanation_requested",
        [typeof(ExplanationReceived)] = "explanation_received",
        [typeof(ExplanationRefused)] = "explanation_refused",
        [typeof(EvidenceAttached)] = "evidence_attached",
        [typeof(FindingRecorded)] = "finding_recorded",
        [typeof(CaseReferredToCommission)] = "case_referred_to_commission",
        [typeof(CaseClosed)] = "case_closed",
        [typeof(CaseReopened)] = "case_reopened",
        [typeof(CaseChannelCorrected)] = "case_channel_corrected",
        [typeof(CaseCategoryCorrected)] = "case_category_corrected",
        [typeof(CaseOutcomeCorrected)] = "case_outcome_corrected"
    };
}
