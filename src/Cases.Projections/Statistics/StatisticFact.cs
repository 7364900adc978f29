using Cases.Domain.Cases;
using Cases.Domain.Contacts;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

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

    // Archived cases still count in the periods they belong to, also when the figures are rebuilt.
    public StatisticsProjection() => IncludeArchivedEvents = true;

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
        if (e.Data.Channel == Channel.Internal)
        {
            ops.Store(Fact($"internal:{e.Data.CaseId:N}", e.Data.ReceivedOn, Metric.InternalCases, e.Data.Category.ToString()));
            return;
        }
        ops.Store(Fact($"appeal-channel:{e.Data.CaseId:N}", e.Data.ReceivedOn, Metric.AppealsByChannel, e.Data.Channel.ToString()));
        ops.Store(Fact($"appeal-category:{e.Data.CaseId:N}", e.Data.ReceivedOn, Metric.AppealsByCategory, e.Data.Category.ToString()));
    }

    /// <summary>A case counts as closed in the month of its last closing, with the days from receipt to it.</summary>
    public async Task Project(IEvent<CaseClosed> e, IDocumentOperations ops)
    {
        var registered = await StreamStart.OfAsync<CaseRegistered>(ops, e.Data.CaseId);
        ops.Store(Fact($"closed:{e.Data.CaseId:N}", e.Data.ClosedOn, Metric.CasesClosed, e.Data.Outcome.ToString(),
            sum: e.Data.ClosedOn.DayNumber - registered.ReceivedOn.DayNumber));
    }

    /// <summary>The current finding of a case about ethics, or finding an ethics violation; a reopened case's no longer counts.</summary>
    public async Task Project(IEvent<FindingRecorded> e, IDocumentOperations ops)
    {
        var violated = e.Data.ViolationFound && e.Data.EthicsArticlesViolated.Count > 0;
        var aboutEthics = (await StreamStart.OfAsync<CaseRegistered>(ops, e.Data.CaseId)).Category == Category.Ethics;
        if (violated || aboutEthics)
        {
            ops.Store(Fact($"ethics:{e.Data.CaseId:N}", e.Data.FoundOn, Metric.EthicsFindings, violated ? Violation : NoViolation));
        }
    }

    /// <summary>A reopened case is no longer closed, and its finding no longer stands.</summary>
    public void Project(IEvent<CaseReopened> e, IDocumentOperations ops)
    {
        ops.Delete<StatisticFact>($"ethics:{e.Data.CaseId:N}");
        ops.Delete<StatisticFact>($"closed:{e.Data.CaseId:N}");
    }

    public async Task Project(IEvent<MeetingOpened> e, IDocumentOperations ops)
    {
        var scheduled = await StreamStart.OfAsync<MeetingScheduled>(ops, e.Data.MeetingId);
        ops.Store(Fact($"meeting:{e.Data.MeetingId:N}", e.Data.HeldOn, Metric.MeetingsHeld, scheduled.CommissionId.ToString()));
    }

    public void Project(IEvent<DecisionAdopted> e, IDocumentOperations ops) =>
        ops.Store(Fact($"decision:{e.Data.DecisionId:N}", e.Data.AdoptedOn, Metric.DecisionsAdopted, e.Data.CommissionId.ToString()));

    public void Project(IEvent<SanctionImposed> e, IDocumentOperations ops) =>
        ops.Store(Fact($"sanction:{e.Data.SanctionId:N}", e.Data.OrderDate, Metric.Sanctions, e.Data.Type.ToString()));

    /// <summary>An overturned sanction is void from the start: it was never imposed, in any month's figures.</summary>
    public void Project(IEvent<SanctionOverturned> e, IDocumentOperations ops) => ops.Delete<StatisticFact>($"sanction:{e.Data.SanctionId:N}");

    private static StatisticFact Fact(string id, DateOnly day, Metric metric, string key, decimal sum = 0) =>
        new() { Id = id, Month = MonthOf(day), Metric = metric, Key = key, Sum = sum };
}
