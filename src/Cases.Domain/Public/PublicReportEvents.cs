using Cases.Domain.Privacy;

namespace Cases.Domain.Public;

/// <summary>
/// A public report's receipt was handed to the reporter. Only a slow salted hash (PBKDF2-SHA256) of the code's
/// secret part is kept; <see cref="LookupId"/>, the code's first part, finds the report without being a secret.
/// </summary>
public sealed record ReceiptIssued(Guid CaseId, string LookupId, string Salt, string Hash, int Iterations, bool Anonymous, DateTimeOffset ReportedAt);

/// <summary>What the service keeps of a new receipt code (salt and hash base64).</summary>
public sealed record Receipt(string LookupId, string Salt, string Hash, int Iterations);

/// <summary>The reporter wrote to the investigator, with the receipt code.</summary>
public sealed record ReporterMessagePosted(Guid CaseId, Guid MessageId, string Text);

/// <summary>The investigator wrote to the reporter; the only thing of the investigation the reporter reads.</summary>
public sealed record InvestigatorReplied(Guid CaseId, Guid MessageId, string Text);

/// <summary>
/// The reporter left an address for notices of new messages, sealed under their own key (never in clear), and the
/// language they wrote in, which the notices are written in.
/// </summary>
public sealed record ReporterNoticeAddressGiven(Guid CaseId, SealedPersonalData Address, string Language, DateOnly GivenOn);

/// <summary>The reporter removed their notice address: nothing is mailed from now on.</summary>
public sealed record ReporterNoticeAddressRemoved(Guid CaseId, DateOnly RemovedOn);

/// <summary>A notice that a message waits was sent for the reply; it names neither the address nor anything of the case.</summary>
public sealed record ReporterNoticeSent(Guid CaseId, Guid MessageId, DateOnly SentOn);

public static class PublicReportEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(ReceiptIssued)] = "receipt_issued",
        [typeof(ReporterMessagePosted)] = "reporter_message_posted",
        [typeof(InvestigatorReplied)] = "investigator_replied",
        [typeof(ReporterNoticeAddressGiven)] = "reporter_notice_address_given",
        [typeof(ReporterNoticeAddressRemoved)] = "reporter_notice_address_removed",
        [typeof(ReporterNoticeSent)] = "reporter_notice_sent"
    };
}

/// <summary>What a reporter may know of where their case stands, and nothing of the investigation itself.</summary>
public enum PublicStatus
{
    Received,
    BeingInvestigated,
    Closed
}

public static class PublicStatuses
{
    public static PublicStatus Of(Cases.CaseStatus status) => status switch
    {
        Cases.CaseStatus.Registered or Cases.CaseStatus.Acknowledged => PublicStatus.Received,
        Cases.CaseStatus.Closed => PublicStatus.Closed,
        _ => PublicStatus.BeingInvestigated
    };
}
