using Cases.Domain.Cases;
using Marten;
using Marten.Events;
using Marten.Events.Archiving;

namespace Cases.Projections.Cases;

/// <summary>
/// What a case's events say once corrections are applied: a later projection step reads the registration as
/// corrected before it (<see cref="CaseChannelCorrected"/>, <see cref="CaseCategoryCorrected"/>), never as first stored.
/// </summary>
public static class CaseRecord
{
    /// <summary>The events a case's registration and figures rest on.</summary>
    private static readonly Type[] Recorded =
    [
        typeof(CaseRegistered), typeof(CaseChannelCorrected), typeof(CaseCategoryCorrected), typeof(CaseOutcomeCorrected),
        typeof(FindingRecorded), typeof(CaseClosed), typeof(CaseReopened)
    ];

    /// <summary>The case's events of those kinds before <paramref name="version"/>, archived ones too, oldest first.</summary>
    public static async Task<IReadOnlyList<object>> EventsBeforeAsync(IQuerySession session, Guid caseId, long version, CancellationToken ct = default) =>
        (await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == caseId && e.Version < version && e.MaybeArchived() && e.EventTypesAre(Recorded))
            .OrderBy(e => e.Version).ToListAsync(ct)).Select(e => e.Data).ToArray();

    public static async Task<CaseRegistered> RegistrationBeforeAsync(IQuerySession session, Guid caseId, long version, CancellationToken ct = default) =>
        Registration(await EventsBeforeAsync(session, caseId, version, ct));

    /// <summary>The registration with the channel and category corrections among <paramref name="events"/> applied.</summary>
    public static CaseRegistered Registration(IEnumerable<object> events) => events.Aggregate((CaseRegistered?)null, (registration, e) => e switch
    {
        CaseRegistered registered => registered,
        CaseChannelCorrected corrected => registration! with { Channel = corrected.Channel },
        CaseCategoryCorrected corrected => registration! with { Category = corrected.Category },
        _ => registration
    }) ?? throw new InvalidOperationException("A case stream starts with its registration.");
}
