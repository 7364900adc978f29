namespace Cases.Domain.Cases;

public enum Channel
{
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
    ViolationConfirmed,
    NoViolationFound,
    Withdrawn,
    ReferredToLawEnforcement,
    OutsideCompetence
}
