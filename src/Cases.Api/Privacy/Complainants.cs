using Cases.Projections;
using Marten;

namespace Cases.Api.Privacy;

/// <summary>The complainant of a case, as registered: in the event itself (older registrations), or encrypted.</summary>
public static class Complainants
{
    public static async Task<Unsealed<Complainant>> OfAsync(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var registered = await StreamStart.OfAsync<CaseRegistered>(session, caseId, ct);
        return registered.SealedComplainant is { } sealedIdentity
            ? await PersonalKeys.UnsealAsync<Complainant>(session, sealedIdentity, ct)
            : new Unsealed<Complainant>(registered.Complainant, Erased: false);
    }
}
