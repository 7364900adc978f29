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
/// the first day it is no longer in force as the absences known then put it (none for a dismissal).
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
    DateOnly? ExpiresOn) : ISanctionFact;

/// <summary>The order was announced to the employee; <see cref="SignatureRefused"/> when an act records their refusal to sign.</summary>
public sealed record SanctionAnnounced(Guid SanctionId, string PersonnelNumber, DateOnly AnnouncedOn, bool SignatureRefused) : ISanctionFact;

public sealed record SanctionAppealed(Guid SanctionId, string PersonnelNumber, DateOnly FiledOn, string Authority) : ISanctionFact;

/// <summary>The appeal was dismissed: the sanction stands.</summary>
public sealed record SanctionUpheld(Guid SanctionId, string PersonnelNumber, DateOnly DecidedOn) : ISanctionFact;

/// <summary>The appeal succeeded: the sanction is void from the start, as if never imposed.</summary>
public sealed record SanctionOverturned(Guid SanctionId, string PersonnelNumber, DateOnly DecidedOn) : ISanctionFact;

/// <summary>Lifted before its time (art. 66), by whom and why.</summary>
public sealed record SanctionLifted(Guid SanctionId, string PersonnelNumber, DateOnly LiftedOn, string LiftedBy, string Reason) : ISanctionFact;

/// <summary>
/// An absence recorded or cancelled later changed the sanction's period: it is in force until the day before
/// <see cref="ExpiresOn"/>, again if it had expired too early.
/// </summary>
public sealed record SanctionExpiryMoved(Guid SanctionId, string PersonnelNumber, DateOnly ExpiresOn) : ISanctionFact;

/// <summary>The sanction's period ran out; recorded by the service itself.</summary>
public sealed record SanctionExpired(Guid SanctionId, string PersonnelNumber, DateOnly ExpiredOn) : ISanctionFact, IRecordedByService;

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
        [typeof(SanctionTypeCorrected)] = "sanction_type_corrected"
    };
}
