using Cases.Domain.Sanctions;

namespace Cases.Projections.Sanctions;

/// <summary>A sanction's write model folded from its events already read, as Marten would aggregate its stream.</summary>
public static class SanctionHistory
{
    /// <summary>None before the order; each later fact applied as the write model applies it, any other skipped.</summary>
    public static Sanction? Fold(IEnumerable<object> events) => events.Aggregate((Sanction?)null, (s, e) => (s, e) switch
    {
        (_, SanctionImposed x) => Sanction.Create(x),
        (null, _) => null,
        (_, SanctionAnnounced x) => s.Apply(x),
        (_, SanctionAppealed x) => s.Apply(x),
        (_, SanctionUpheld x) => s.Apply(x),
        (_, SanctionOverturned x) => s.Apply(x),
        (_, SanctionLifted x) => s.Apply(x),
        (_, SanctionExpiryMoved x) => s.Apply(x),
        (_, SanctionExpired x) => s.Apply(x),
        (_, SanctionExpiryRetracted x) => s.Apply(x),
        (_, SanctionPeriodRestated x) => s.Apply(x),
        (_, SanctionTypeCorrected x) => s.Apply(x),
        _ => s
    });
}
