namespace Cases.Domain.Cases;

/// <summary>Describes a piece of evidence and its SHA-256; the file itself stays in the organisation's archive.</summary>
public sealed record AttachEvidence(
    long ExpectedVersion,
    string FileName,
    string MediaType,
    long SizeBytes,
    string Sha256,
    string Description,
    DateOnly? ObtainedOn = null);

public static class AttachEvidenceDecision
{
    /// <summary>What the case's state alone must allow, whatever the command says (see <see cref="CaseActions"/>).</summary>
    public static RuleViolation? Guard(Case state) => CaseRules.NotClosed(state);

    public static RuleViolation? Check(AttachEvidence command, Case state, DateTimeOffset now) => Guard(state);

    public static EvidenceAttached Decide(AttachEvidence command, Case state, Guid evidenceId, DateTimeOffset now)
    {
        Rules.Ensure(Check(command, state, now));
        return new EvidenceAttached(
            state.Id,
            evidenceId,
            command.FileName.Trim(),
            command.MediaType.Trim(),
            command.SizeBytes,
            command.Sha256.ToLowerInvariant(),
            command.Description.Trim(),
            command.ObtainedOn ?? Rules.Today(now));
    }
}
