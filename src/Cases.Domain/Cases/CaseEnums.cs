namespace Cases.Domain.Cases;

public enum Channel
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    CallCentre,
    Hotline,
    Website,
    SocialMedia,
    Press,
    Written,
    ProcurementMonitoring,
    Internal,

    /// <summary>The public reporting channel: a report sent without an account, followed with a receipt code.</summary>
    Public
}

public enum Category
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    MedicalCare,
    Corruption,
    Ethics,
    Procurement,
    LabourDiscipline,
    Other
}

public enum CaseStatus
{
    Registered,
    Acknowledged,
    UnderInvestigation,
    ReferredToCommission,
    Closed
}

public enum CaseOutcome
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    ViolationConfirmed,
    NoViolationFound,
    Withdrawn,
    ReferredToLawEnforcement,
    OutsideCompetence
}
