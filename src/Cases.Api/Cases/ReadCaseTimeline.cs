using Cases.Projections;
using Cases.Projections.Cases;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Cases;

/// <summary>
/// One event of a case's life as its readers see it: which version of the case it made, what it was (its stored
/// name), its business date, who recorded it and when, and why when a reason was given. The event's own data stays
/// with the endpoints that show it to those who may read it.
/// </summary>
public sealed record TimelineEntry(long Version, string Kind, DateOnly? On, string? User, DateTimeOffset At, string? Reason);

[Tags(ApiTags.Cases)]
public static class ReadCaseTimelineEndpoint
{
    /// <summary>The case's events, oldest first; the reason is the one given with the command, else the one the event states.</summary>
    [WolverineGet("/api/cases/{caseId}/timeline", OperationId = "ReadCaseTimeline")]
    [EndpointSummary("Read a case's timeline")]
    [Authorize(Roles = Roles.CaseReaders)]
    public static async Task<IReadOnlyList<TimelineEntry>> Get([Entity("caseId", MissingMessage = CaseChecks.Missing)] CaseSummary summary,
        IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(summary.Id, token: ct);
        return events.Select(e => new TimelineEntry(e.Version, e.EventTypeName,
            BusinessDates.Maps(e.Data.GetType()) ? BusinessDates.Of(e.Data).Day : null, e.UserName, EventTime.Of(e),
            e.GetHeader("reason")?.ToString() ?? StatedReason(e.Data))).ToArray();
    }

    private static string? StatedReason(object data) => data switch
    {
        CaseReopened e => e.Reason,
        CaseChannelCorrected e => e.Reason,
        CaseCategoryCorrected e => e.Reason,
        CaseOutcomeCorrected e => e.Reason,
        _ => null
    };
}
