using Cases.Api.Privacy;
using Cases.Domain.Audit;
using Cases.Projections.Cases;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Audit;

/// <summary>The complainant as registered; an anonymous one has no identity to read, nor has an erased one any more.</summary>
public sealed record ComplainantIdentity(Guid CaseId, bool Anonymous, bool Erased, string? Name, string? Phone, string? Email, string? PersonnelNumber);

[Tags(ApiTags.Privacy)]
public static class ReadComplainantEndpoint
{
    /// <summary>The complainant's identity and contacts. Every read is itself recorded (<c>SensitiveRecordRead</c>).</summary>
    [WolverineGet("/api/cases/{caseId}/complainant", OperationId = "ReadComplainant")]
    [EndpointSummary("Read the complainant's identity")]
    [Authorize(Roles = $"{Roles.Registrar},{Roles.Investigator},{Roles.Auditor}")]
    [AuditedRead]
    public static async Task<(ComplainantIdentity, IStartStream)> Get(
        [Entity("caseId", MissingMessage = Cases.CaseChecks.Missing)] CaseSummary summary, IQuerySession session, CancellationToken ct)
    {
        var (complainant, erased) = await Complainants.OfAsync(session, summary.Id, ct);
        var readId = Guid.CreateVersion7();
        return (new ComplainantIdentity(summary.Id, summary.ComplainantAnonymous, erased, complainant?.Name, complainant?.Phone, complainant?.Email,
                complainant?.PersonnelNumber),
            MartenOps.StartStream<SensitiveRecordRead>(readId, new SensitiveRecordRead(readId, summary.Id, SensitiveRecord.ComplainantIdentity)));
    }
}

[Tags(ApiTags.Cases)]
public static class ReadEvidenceEndpoint
{
    /// <summary>One evidence record of the case. Every read is itself recorded (<c>SensitiveRecordRead</c>).</summary>
    [WolverineGet("/api/cases/{caseId}/evidence/{evidenceId}", OperationId = "ReadEvidence")]
    [EndpointSummary("Read an evidence record")]
    [ProducesResponseType<EvidenceSummary>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = $"{Roles.Investigator},{Roles.Auditor}")]
    [AuditedRead]
    public static (IResult, IMartenOp) Get([Entity("caseId", MissingMessage = Cases.CaseChecks.Missing)] CaseSummary summary, Guid evidenceId)
    {
        if (summary.Evidence.FirstOrDefault(e => e.EvidenceId == evidenceId) is not { } evidence)
        {
            return (Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Case {summary.Number} has no evidence {evidenceId}."),
                MartenOps.Nothing());
        }
        var readId = Guid.CreateVersion7();
        return (Results.Ok(evidence),
            MartenOps.StartStream<SensitiveRecordRead>(readId, new SensitiveRecordRead(readId, summary.Id, SensitiveRecord.Evidence, evidenceId)));
    }
}
