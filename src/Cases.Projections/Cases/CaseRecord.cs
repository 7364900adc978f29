using Cases.Domain.Cases;

namespace Cases.Projections.Cases;

/// <summary>
/// What a case's events say once corrections are applied: a later projection step reads the registration as
/// corrected before it (<see cref="CaseChannelCorrected"/>, <see cref="CaseCategoryCorrected"/>), never as first stored.
/// </summary>
public static class CaseRecord
{
    /// <summary>The registration with the channel and category corrections among <paramref name="events"/> applied.</summary>
    public static CaseRegistered Registration(IEnumerable<object> events) => events.Aggregate((CaseRegistered?)null, (registration, e) => e switch
    {
        CaseRegistered registered => registered,
        CaseChannelCorrected corrected => registration! with { Channel = corrected.Channel },
        CaseCategoryCorrected corrected => registration! with { Category = corrected.Category },
        _ => registration
    }) ?? throw new InvalidOperationException("A case stream starts with its registration.");
}
