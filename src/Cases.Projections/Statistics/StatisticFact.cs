using Cases.Domain.Cases;
using Cases.Domain.Contacts;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Cases.Projections.Cases;
using Cases.Projections.Sanctions;

namespace Cases.Projections.Statistics;

/// <summary>What a statistic counts.</summary>
public enum Metric
{
    /// <summary>Contacts of the intake, by channel.</summary>
    Contacts,

    /// <summary>Contacts about corruption, by channel.</summary>
    CorruptionContacts,

    /// <summary>Appeals (cases registered), by channel.</summary>
    AppealsByChannel,

    /// <summary>Appeals, by category.</summary>
    AppealsByCategory,

    /// <summary>Cases closed and not reopened since, with the days from receipt to the closing in <see cref="StatisticFact.Sum"/>.</summary>
    CasesClosed,

    /// <summary>Meetings held, by commission.</summary>
    MeetingsHeld,

    /// <summary>Protocol decisions adopted, by commission.</summary>
    DecisionsAdopted,

    /// <summary>Sanctions imposed and not overturned, by type.</summary>
    Sanctions,

    /// <summary>Findings on ethics cases or of ethics violations: key <c>violation</c> or <c>no-violation</c>.</summary>
    EthicsFindings,

    /// <summary>Cases the organisation opened itself (channel <c>internal</c>), by category: not appeals.</summary>
    InternalCases
}

public static class Metrics
{
    /// <summary>Whether a metric's key is the id of the commission the fact belongs to.</summary>
    public static bool IsByCommission(this Metric metric) => metric is Metric.MeetingsHeld or Metric.DecisionsAdopted;
}

/// <summary>
/// One counted fact of one organisation's month: a document per fact (per event, or per case where a later event
/// changes what is counted), so racing writers never update the same document, and any range of months is their sum.
/// </summary>
public sealed class StatisticFact
{
    public string Id { get; set; } = "";

    /// <summary>The first day of the month the fact belongs to, by its business date.</summary>
    public DateOnly Month { get; set; }

    public Metric Metric { get; set; }
    public string Key { get; set; } = "";
    public int Count { get; set; } = 1;
    public decimal Sum { get; set; }
}

/// <summary>Records the facts the statistics count, as their events are appended.</summary>
public sealed partial class StatisticsProjection : EventProjection
{
    public const string Violation = "violation";
    public const string NoViolation = "no-violation";

    public StatisticsProjection()
    {
        // Archived cases still count in the periods they belong to, also when the figures are rebuilt.
        IncludeArchivedEvents = true;
        // Named, so that a report can wait for the projection that writes the facts (Marten finds it by this type).
        RegisterPublishedType(typeof(StatisticFact));
    }

    /// <summary>The stream whose earlier events an event's facts are counted with: its case's, meeting's or sanction's.</summary>
    private readonly StreamHistory.Pages history = new(e => e.Data switch
    {
        CaseClosed x => x.CaseId,
        FindingRecorded x => x.CaseId,
        CaseChannelCorrected or CaseCategoryCorrected or CaseOutcomeCorrected => e.StreamId,
        MeetingOpened x => x.MeetingId,
        SanctionTypeCorrected x => x.SanctionId,
        _ => null
    });

    public override Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        history.PrefetchAsync(querySession, events, cancellation);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public void Project(IEvent<ContactRecorded> e, IDocumentOperations ops)
    {
        var channel = e.Data.Channel.ToString();
        ops.Store(Fact($"contact:{e.Id:N}", e.Data.ContactedOn, Metric.Contacts, channel));
        if (e.Data.CorruptionRelated) ops.Store(Fact($"corruption-contact:{e.Id:N}", e.Data.ContactedOn, Metric.CorruptionContacts, channel));
    }

    /// <summary>An appeal came from outside; a case the organisation opened itself is counted apart.</summary>
    public void Project(IEvent<CaseRegistered> e, IDocumentOperations ops)
    {
        foreach (var fact in RegistrationFacts(e.Data)) ops.Store(fact);
    }

    /// <summary>A case counts as closed in the month of its last closing, with the days from receipt to it.</summary>
    public async Task Project(IEvent<CaseClosed> e, IDocumentOperations ops)
    {
        var registered = (await history.OfAsync(ops, e)).Start<CaseRegistered>(e.Data.CaseId);
        ops.Store(ClosedFact(e.Data, registered));
    }

    /// <summary>The current finding of a case about ethics (as its category reads, corrected), or finding an ethics violation.</summary>
    public async Task Project(IEvent<FindingRecorded> e, IDocumentOperations ops)
    {
        var registered = CaseRecord.Registration((await history.OfAsync(ops, e)).Before(e.Data.CaseId, e.Version));
        if (EthicsFact(e.Data, registered) is { } fact) ops.Store(fact);
    }

    /// <summary>A reopened case is no longer closed, and its finding no longer stands.</summary>
    public void Project(IEvent<CaseReopened> e, IDocumentOperations ops)
    {
        ops.Delete<StatisticFact>($"ethics:{e.Data.CaseId:N}");
        ops.Delete<StatisticFact>($"closed:{e.Data.CaseId:N}");
    }

    public Task Project(IEvent<CaseChannelCorrected> e, IDocumentOperations ops) => RestateCaseAsync(e, ops);

    public Task Project(IEvent<CaseCategoryCorrected> e, IDocumentOperations ops) => RestateCaseAsync(e, ops);

    public Task Project(IEvent<CaseOutcomeCorrected> e, IDocumentOperations ops) => RestateCaseAsync(e, ops);

    /// <summary>
    /// A correction changes what the case's earlier events count as: its facts are counted again from its events up
    /// to the correction, so that the figures are those a case recorded right from the start would give.
    /// </summary>
    private async Task RestateCaseAsync(IEvent e, IDocumentOperations ops)
    {
        IReadOnlyList<object> events = [.. (await history.OfAsync(ops, e)).Before(e.StreamId, e.Version), e.Data];
        foreach (var id in CaseFactIds(e.StreamId)) ops.Delete<StatisticFact>(id);
        foreach (var fact in CaseFacts(events)) ops.Store(fact);
    }

    /// <summary>The facts a case's events leave standing: its registration's, its standing closing's and its standing finding's.</summary>
    public static IEnumerable<StatisticFact> CaseFacts(IReadOnlyList<object> events)
    {
        var registered = CaseRecord.Registration(events);
        CaseClosed? closed = null;
        FindingRecorded? finding = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseClosed c: closed = c; break;
                case CaseOutcomeCorrected c: closed = closed! with { Outcome = c.Outcome }; break;
                case FindingRecorded f: finding = f; break;
                case CaseReopened: (closed, finding) = (null, null); break;
            }
        }
        var facts = RegistrationFacts(registered).ToList();
        if (closed is not null) facts.Add(ClosedFact(closed, registered));
        if (finding is not null && EthicsFact(finding, registered) is { } ethics) facts.Add(ethics);
        return facts;
    }

    private static readonly string[] CaseFactKinds = ["internal", "appeal-channel", "appeal-category", "closed", "ethics"];

    private static IEnumerable<string> CaseFactIds(Guid caseId) => CaseFactKinds.Select(kind => $"{kind}:{caseId:N}");

    private static StatisticFact[] RegistrationFacts(CaseRegistered r) => r.Channel == Channel.Internal
        ? [Fact($"internal:{r.CaseId:N}", r.ReceivedOn, Metric.InternalCases, r.Category.ToString())]
        :
        [
            Fact($"appeal-channel:{r.CaseId:N}", r.ReceivedOn, Metric.AppealsByChannel, r.Channel.ToString()),
            Fact($"appeal-category:{r.CaseId:N}", r.ReceivedOn, Metric.AppealsByCategory, r.Category.ToString())
        ];

    private static StatisticFact ClosedFact(CaseClosed c, CaseRegistered r) =>
        Fact($"closed:{c.CaseId:N}", c.ClosedOn, Metric.CasesClosed, c.Outcome.ToString(), sum: c.ClosedOn.DayNumber - r.ReceivedOn.DayNumber);

    private static StatisticFact? EthicsFact(FindingRecorded f, CaseRegistered r)
    {
        var violated = f.ViolationFound && f.EthicsArticlesViolated.Count > 0;
        return violated || r.Category == Category.Ethics
            ? Fact($"ethics:{f.CaseId:N}", f.FoundOn, Metric.EthicsFindings, violated ? Violation : NoViolation)
            : null;
    }

    public async Task Project(IEvent<MeetingOpened> e, IDocumentOperations ops)
    {
        var scheduled = (await history.OfAsync(ops, e)).Start<MeetingScheduled>(e.Data.MeetingId);
        ops.Store(Fact($"meeting:{e.Data.MeetingId:N}", e.Data.HeldOn, Metric.MeetingsHeld, scheduled.CommissionId.ToString()));
    }

    public void Project(IEvent<DecisionAdopted> e, IDocumentOperations ops) =>
        ops.Store(Fact($"decision:{e.Data.DecisionId:N}", e.Data.AdoptedOn, Metric.DecisionsAdopted, e.Data.CommissionId.ToString()));

    public void Project(IEvent<SanctionImposed> e, IDocumentOperations ops) =>
        ops.Store(Fact($"sanction:{e.Data.SanctionId:N}", e.Data.OrderDate, Metric.Sanctions, e.Data.Type.ToString()));

    /// <summary>A sanction counts under its corrected type, unless it was overturned before (then it counts nowhere).</summary>
    public async Task Project(IEvent<SanctionTypeCorrected> e, IDocumentOperations ops)
    {
        var before = await (await history.OfAsync(ops, e)).AggregateBeforeAsync<Sanction>(ops, e.Data.SanctionId, e.Version);
        if (before is null || before.IsVoid) return;
        ops.Store(Fact($"sanction:{e.Data.SanctionId:N}", before.OrderDate, Metric.Sanctions, e.Data.Type.ToString()));
    }

    /// <summary>An overturned sanction is void from the start: it was never imposed, in any month's figures.</summary>
    public void Project(IEvent<SanctionOverturned> e, IDocumentOperations ops) => ops.Delete<StatisticFact>($"sanction:{e.Data.SanctionId:N}");

    private static StatisticFact Fact(string id, DateOnly day, Metric metric, string key, decimal sum = 0) =>
        new() { Id = id, Month = MonthOf(day), Metric = metric, Key = key, Sum = sum };
}
