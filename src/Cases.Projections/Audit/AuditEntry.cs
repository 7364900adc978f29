using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Cases.Domain.Cases;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Events.Projections;

namespace Cases.Projections.Audit;

/// <summary>One line of the audit trail: an event of any stream, who recorded it, as what, when and why.</summary>
public sealed class AuditEntry
{
    /// <summary>The event's id.</summary>
    public Guid Id { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset Time { get; set; }
    public string? User { get; set; }
    public string? Roles { get; set; }
    public string Organisation { get; set; } = "";
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public string EventType { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? CorrelationId { get; set; }

    /// <summary>
    /// What caused a fact the service recorded by itself (user <c>service</c>): the id of the scheduled message's
    /// envelope, or of the run. Empty for what a person recorded.
    /// </summary>
    public string? CausationId { get; set; }

    public string? Reason { get; set; }

    /// <summary>The case the event is about, when it is about one: its own, or the one its sanction or decision rests on.</summary>
    public Guid? CaseId { get; set; }
}

/// <summary>Writes an audit entry for every event, of every stream, behind the appends (async daemon).</summary>
public sealed partial class AuditTrailProjection : IProjection
{
    private static readonly ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> CaseIds = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // Tombstones are Marten's placeholders over the sequence numbers of an append that failed: no fact to audit.
        var audited = events.Where(e => e.Data is not Tombstone).ToArray();
        // A sanction's or decision's later events name no case: it is the one their stream's first event names, read
        // for the whole page at once.
        var starts = await StreamHistory.LoadAsync(operations, audited,
            [.. audited.Where(e => CaseIdOf(e.Data) is null && NamesNoCase(e.Data)).Select(e => e.StreamId)], cancellation);
        foreach (var e in audited)
        {
            var caseId = CaseIdOf(e.Data) ?? (NamesNoCase(e.Data) ? CaseIdOf(starts.Start<object>(e.StreamId)) : null);
            operations.Store(new AuditEntry
            {
                Id = e.Id,
                Sequence = e.Sequence,
                Time = EventTime.Of(e),
                User = e.UserName,
                Roles = e.GetHeader("roles")?.ToString(),
                Organisation = e.TenantId,
                StreamId = e.StreamId,
                Version = e.Version,
                EventType = e.EventTypeName,
                Summary = Summarise(e.Data),
                CorrelationId = e.CorrelationId,
                CausationId = e.CausationId,
                Reason = e.GetHeader("reason")?.ToString(),
                CaseId = caseId
            });
        }
    }

    private static bool NamesNoCase(object data) => data is ISanctionFact or ExecutionReported or ExtensionRequested or ExtensionGranted
        or ExtensionRefused or DecisionBecameOverdue or DecisionOverdueRetracted;

    private static Guid? CaseIdOf(object data) =>
        CaseIds.GetOrAdd(data.GetType(), t => t.GetProperty(nameof(CaseRegistered.CaseId)))?.GetValue(data) as Guid?;

    /// <summary>A line an auditor reads at a glance; the event itself holds every detail.</summary>
    public static string Summarise(object data) => data switch
    {
        CaseRegistered e => $"Case {e.Number} registered ({Lower(e.Channel.ToString())}, {Lower(e.Category.ToString())})",
        FindingRecorded e => e.ViolationFound ? $"Violation found: {string.Join(", ", e.EmployeesAtFault)} at fault" : "No violation found",
        CaseClosed e => $"Case closed: {Lower(e.Outcome.ToString())}",
        DecisionAdopted e => $"Protocol decision {e.ProtocolNumber} adopted, due {e.DueDate:yyyy-MM-dd}",
        SanctionImposed e => $"{Words(e.Type.ToString())} imposed on {e.PersonnelNumber} by order {e.OrderNumber} of {e.OrderDate:yyyy-MM-dd}",
        CaseChannelCorrected e => $"Channel corrected from stored {e.StoredValue} to {Lower(e.Channel.ToString())}",
        CaseCategoryCorrected e => $"Category corrected from stored {e.StoredValue} to {Lower(e.Category.ToString())}",
        CaseOutcomeCorrected e => $"Outcome corrected from stored {e.StoredValue} to {Lower(e.Outcome.ToString())}",
        DecisionOverdueRetracted e => $"Overdue mark of due date {e.DueDate:yyyy-MM-dd} retracted: executed on {e.ExecutedOn:yyyy-MM-dd}",
        SanctionTypeCorrected e => $"Sanction type corrected from stored {e.StoredValue} to {Lower(e.Type.ToString())}",
        SanctionAnnounced { ByRegisteredLetter: true } e => $"Sanction order sent by registered letter on {e.AnnouncedOn:yyyy-MM-dd}",
        SanctionExpiryRetracted e => e.EndedOn is { } ended
            ? $"Expiry recorded on {e.ExpiredOn:yyyy-MM-dd} retracted: the sanction ended on {ended:yyyy-MM-dd}"
            : $"Expiry recorded on {e.ExpiredOn:yyyy-MM-dd} retracted: the sanction does not expire",
        SanctionPeriodRestated e => $"Sanction period restated (art. 66(4)): no longer in force from {e.ExpiresOn:yyyy-MM-dd}, not {e.PreviousExpiresOn:yyyy-MM-dd}",
        _ => Words(data.GetType().Name)
    };

    private static string Lower(string name) => WordBoundary().Replace(name, " $1").ToLowerInvariant();

    private static string Words(string name)
    {
        var words = Lower(name);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordBoundary();
}
