namespace Cases.Domain.Sanctions;

// The facts of a disciplinary sanction. Each names the employee, so that their record gathers them. Dates are those
// of the orders and decisions; who recorded them and when come from event metadata.

/// <summary>A fact about one employee's sanction.</summary>
public interface ISanctionFact
{
    Guid SanctionId { get; }
    string PersonnelNumber { get; }
}

/// <summary>Art. 64: the only disciplinary sanctions there are.</summary>
public enum SanctionType
{
    Remark,
    Reprimand,
    SevereReprimand,
    Dismissal
}

/// <summary>
/// The employer's order imposing a sanction for the offence a case's finding established, optionally on a
/// commission's protocol decision. <see cref="AnnounceBy"/> is the last day to announce it; <see cref="ExpiresOn"/>
/// the first day it is no longer in force (none for a dismissal): stored before the upgrade to art. 66(4), it counted
/// the absences known then, and <see cref="SanctionPeriodRestated"/> mends it. <see cref="EstablishedByAudit"/> when an
/// audit or inspection established the offence (art. 66(2)); false for the events stored before it was asked.
/// </summary>
public sealed record SanctionImposed(
    Guid SanctionId,
    string PersonnelNumber,
    Guid CaseId,
    string CaseNumber,
    Guid? DecisionId,
    string? ProtocolNumber,
    SanctionType Type,
    string OrderNumber,
    DateOnly OrderDate,
    DateOnly OffenceCommittedOn,
    DateOnly OffenceDiscoveredOn,
    DateOnly AnnounceBy,
    DateOnly? ExpiresOn,
    bool EstablishedByAudit = false) : ISanctionFact;

/// <summary>
/// The order was announced to the employee (art. 65(5)): against signature, or <see cref="SignatureRefused"/> when
/// the refusal to sign is noted on the order, or <see cref="ByRegisteredLetter"/> when they could not be acquainted
/// with it in person and a copy went by registered letter with notice of delivery (false for events stored before).
/// </summary>
public sealed record SanctionAnnounced(Guid SanctionId, string PersonnelNumber, DateOnly AnnouncedOn, bool SignatureRefused,
    bool ByRegisteredLetter = false) : ISanctionFact;

public sealed record SanctionAppealed(Guid SanctionId, string PersonnelNumber, DateOnly FiledOn, string Authority) : ISanctionFact;

/// <summary>The appeal was dismissed: the sanction stands.</summary>
public sealed record SanctionUpheld(Guid SanctionId, string PersonnelNumber, DateOnly DecidedOn) : ISanctionFact;

/// <summary>The appeal succeeded: the sanction is void from the start, as if never imposed.</summary>
public sealed record SanctionOverturned(Guid SanctionId, string PersonnelNumber, DateOnly DecidedOn) : ISanctionFact;

/// <summary>Lifted before its time (art. 66), by whom and why.</summary>
public sealed record SanctionLifted(Guid SanctionId, string PersonnelNumber, DateOnly LiftedOn, string LiftedBy, string Reason) : ISanctionFact;

/// <summary>
/// Under the former reading, which let absences extend a sanction's period, an absence recorded or cancelled later
/// changed it: in force until the day before <see cref="ExpiresOn"/>, again if it had expired too early. No longer
/// recorded; stored ones are read as they were, and <see cref="SanctionPeriodRestated"/> mends the period they set.
/// </summary>
public sealed record SanctionExpiryMoved(Guid SanctionId, string PersonnelNumber, DateOnly ExpiresOn) : ISanctionFact;

/// <summary>The sanction's period ran out; recorded by the service itself.</summary>
public sealed record SanctionExpired(Guid SanctionId, string PersonnelNumber, DateOnly ExpiredOn) : ISanctionFact, IRecordedByService;

/// <summary>
/// The service recorded the sanction expired on <see cref="ExpiredOn"/>, but facts entered since show it ended
/// otherwise before that day: on <see cref="EndedOn"/> (lifted then), or not at all (none: its order was a dismissal).
/// The expiry stays in the history as recorded; from here on it no longer counts, and the next event says how it ended.
/// </summary>
public sealed record SanctionExpiryRetracted(Guid SanctionId, string PersonnelNumber, DateOnly ExpiredOn, DateOnly? EndedOn, string Reason)
    : ISanctionFact;

/// <summary>
/// The period the store held, moved by absences under the former reading of the Code, restated per art. 66(4): in force
/// until the day before <see cref="ExpiresOn"/>, whatever absences there were, instead of until the day before
/// <see cref="PreviousExpiresOn"/>. Recorded by the service in an upgrade's run.
/// </summary>
public sealed record SanctionPeriodRestated(Guid SanctionId, string PersonnelNumber, DateOnly ExpiresOn, DateOnly? PreviousExpiresOn, string Reason)
    : ISanctionFact, IRecordedByService;

/// <summary>
/// The type the order should have been recorded with: the imposition (event <see cref="Sequence"/>) stays as stored,
/// with <see cref="StoredValue"/> in JSON. A change to or from a dismissal changes the period: <see cref="ExpiresOn"/>
/// is the sanction's end from now on (none for a dismissal).
/// </summary>
public sealed record SanctionTypeCorrected(
    Guid SanctionId,
    string PersonnelNumber,
    long Sequence,
    string StoredValue,
    SanctionType Type,
    DateOnly? ExpiresOn,
    string Reason,
    DateOnly CorrectedOn) : ISanctionFact;

public static class SanctionEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(SanctionImposed)] = "sanction_imposed",
        [typeof(SanctionAnnounced)] = "sanction_announced",
        [typeof(SanctionAppealed)] = "sanction_appealed",
        [typeof(SanctionUpheld)] = "sanction_upheld",
        [typeof(SanctionOverturned)] = "sanction_overturned",
        [typeof(SanctionLifted)] = "sanction_lifted",
        [typeof(SanctionExpiryMoved)] = "sanction_expiry_moved",
        [typeof(SanctionExpired)] = "sanction_expired",
        [typeof(SanctionTypeCorrected)] = "sanction_type_corrected",
        [typeof(SanctionExpiryRetracted)] = "sanction_expiry_retracted",
        [typeof(SanctionPeriodRestated)] = "sanction_period_restated"
    };
}
