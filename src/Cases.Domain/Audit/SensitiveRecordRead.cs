namespace Cases.Domain.Audit;

/// <summary>
/// Someone read a case's personal or sensitive record: the complainant's identity, or an evidence record. Each read is
/// a stream of its own, so that reading never changes the case's version; who read and when come from the metadata.
/// </summary>
public sealed record SensitiveRecordRead(Guid ReadId, Guid CaseId, SensitiveRecord Record, Guid? EvidenceId = null);

public enum SensitiveRecord
{
    ComplainantIdentity,
    Evidence
}

public static class AuditEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(SensitiveRecordRead)] = "sensitive_record_read"
    };
}
