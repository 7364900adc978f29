using System.Collections.Immutable;

namespace Cases.Domain.Cases;

/// <summary>
/// The write model of one case stream: just what the decisions need to guard their rules.
/// Immutable: Marten keeps the loaded aggregate in the session's identity map, so Apply returns a new state.
/// </summary>
public sealed partial record Case
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public CaseStatus Status { get; init; }
    public DateOnly ReceivedOn { get; init; }

    /// <summary>As registered, or as corrected since.</summary>
    public Channel Channel { get; init; }

    public Category Category { get; init; }

    /// <summary>The outcome of the standing closing; none while the case is open.</summary>
    public CaseOutcome? Outcome { get; init; }

    public IReadOnlyList<string> Subjects { get; init; } = [];
    public string? Investigator { get; init; }
    public bool WasAcknowledged { get; init; }

    /// <summary>The complainant's personnel number when the complainant is an employee.</summary>
    public string? ComplainantEmployee { get; init; }

    /// <summary>Whose key encrypts the complainant's identity, when it is encrypted.</summary>
    public Guid? ComplainantPersonId { get; init; }

    public bool ComplainantErased { get; init; }

    /// <summary>
    /// The registration keeps no identity in clear: the complainant is anonymous, unknown, or sealed. False for a named
    /// complainant registered before personal data was encrypted, and in a snapshot written before this was kept (a
    /// rebuild of <c>Case</c> sets it): erasure then refuses rather than claim an identity it cannot shred.
    /// </summary>
    public bool NoIdentityInClear { get; init; }

    /// <summary>
    /// The key of the latest notice address: a key of its own, fresh for each address given; for an address given
    /// before each had its own, the contact's or the reporter's one key.
    /// </summary>
    public Guid? NoticePersonId { get; init; }

    /// <summary>The reporter holds an address for notices of new messages (given, not removed, not erased).</summary>
    public bool HoldsNoticeAddress { get; init; }

    /// <summary>Reported on the public channel, with a reporter to write to.</summary>
    public bool IsPublicReport { get; init; }

    /// <summary>Explanations requested and neither given nor refused yet, by personnel number.</summary>
    public IReadOnlyDictionary<string, DateOnly> PendingExplanations { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>Subjects who gave an explanation or refused to, by personnel number.</summary>
    /// An immutable set rather than an interface, so that the case's snapshot reads back from its JSON; sorted, so that the
    /// JSON is the same on every rebuild (a hash set's order follows string hashes, which differ from process to process).
    public ImmutableSortedSet<string> HeardSubjects { get; init; } = [];

    /// <summary>The finding of the current investigation (cleared when the case is reopened).</summary>
    public bool? ViolationFound { get; init; }

    /// <summary>The subjects the current finding holds at fault, and when it was made.</summary>
    public IReadOnlyList<string> EmployeesAtFault { get; init; } = [];

    public DateOnly? FoundOn { get; init; }

    public bool IsClosed => Status == CaseStatus.Closed;
    public bool IsAcknowledged => Status != CaseStatus.Registered;
    public bool HasInvestigator => Investigator is not null;
    public bool IsReferred => Status == CaseStatus.ReferredToCommission;
    public bool HasFinding => ViolationFound is not null;

    public static Case Create(CaseRegistered e) => new()
    {
        Id = e.CaseId,
        Number = e.Number,
        Status = CaseStatus.Registered,
        ReceivedOn = e.ReceivedOn,
        Channel = e.Channel,
        Category = e.Category,
        Subjects = e.Subjects,
        ComplainantEmployee = e.Complainant?.PersonnelNumber,
        ComplainantPersonId = e.SealedComplainant?.PersonId,
        NoIdentityInClear = e.Complainant is not { Anonymous: false } || e.SealedComplainant is not null
    };

    public Case Apply(Public.ReceiptIssued _) => this with { IsPublicReport = true };

    public Case Apply(Privacy.PersonalDataErased _) => this with { ComplainantErased = true, HoldsNoticeAddress = false };

    public Case Apply(Public.ReporterNoticeAddressGiven e) => this with { NoticePersonId = e.Address.PersonId, HoldsNoticeAddress = true };

    public Case Apply(Public.ReporterNoticeAddressRemoved _) => this with { HoldsNoticeAddress = false };

    public Case Apply(CaseAcknowledged _) => this with { Status = CaseStatus.Acknowledged, WasAcknowledged = true };

    public Case Apply(SubjectIdentified e) => this with { Subjects = [.. Subjects, e.PersonnelNumber] };

    public Case Apply(InvestigatorAssigned e) =>
        this with { Investigator = e.Investigator, Status = CaseStatus.UnderInvestigation };

    public Case Apply(InvestigatorReassigned e) => this with { Investigator = e.Investigator };

    public Case Apply(ExplanationRequested e) =>
        this with { PendingExplanations = With(PendingExplanations, e.PersonnelNumber, e.RequestedOn) };

    public Case Apply(ExplanationReceived e) => Heard(e.PersonnelNumber);

    public Case Apply(ExplanationRefused e) => Heard(e.PersonnelNumber);

    public Case Apply(FindingRecorded e) => this with { ViolationFound = e.ViolationFound, EmployeesAtFault = e.EmployeesAtFault, FoundOn = e.FoundOn };

    public Case Apply(CaseReferredToCommission _) => this with { Status = CaseStatus.ReferredToCommission };

    public Case Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, Outcome = e.Outcome };

    public Case Apply(CaseReopened _) => this with
    {
        Status = StatusWhenReopened(HasInvestigator, WasAcknowledged), ViolationFound = null, EmployeesAtFault = [], FoundOn = null, Outcome = null
    };

    public Case Apply(CaseChannelCorrected e) => this with { Channel = e.Channel };

    public Case Apply(CaseCategoryCorrected e) => this with { Category = e.Category };

    public Case Apply(CaseOutcomeCorrected e) => this with { Outcome = e.Outcome };

    /// <summary>A reopened case resumes where its work stood: investigated, acknowledged, or merely registered.</summary>
    public static CaseStatus StatusWhenReopened(bool hasInvestigator, bool wasAcknowledged) =>
        hasInvestigator ? CaseStatus.UnderInvestigation
        : wasAcknowledged ? CaseStatus.Acknowledged
        : CaseStatus.Registered;

    private Case Heard(string personnelNumber) => this with
    {
        PendingExplanations = Without(PendingExplanations, personnelNumber),
        HeardSubjects = HeardSubjects.Add(personnelNumber)
    };

    private static Dictionary<string, DateOnly> With(IReadOnlyDictionary<string, DateOnly> map, string key, DateOnly value) =>
        new(map) { [key] = value };

    private static Dictionary<string, DateOnly> Without(IReadOnlyDictionary<string, DateOnly> map, string key)
    {
        var copy = new Dictionary<string, DateOnly>(map);
        copy.Remove(key);
        return copy;
    }
}
