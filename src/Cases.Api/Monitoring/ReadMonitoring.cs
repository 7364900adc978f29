using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Monitoring;

public static class MonitoringReaders
{
    public const string Missing = "Monitoring round {Id} was not found.";

    /// <summary>Rounds whose period overlaps the window: a round of March to May counts in a report of January to April.</summary>
    public static IQueryable<MonitoringRound> Within(this IQueryable<MonitoringRound> rounds, DateOnly? from, DateOnly? to)
    {
        if (from is { } start) rounds = rounds.Where(r => r.To >= start);
        if (to is { } end) rounds = rounds.Where(r => r.From <= end);
        return rounds;
    }

    /// <summary>The rounds that count: a withdrawn round is read on its own, or in the list when asked for, and counted nowhere.</summary>
    public static IQueryable<MonitoringRound> Standing(this IQueryable<MonitoringRound> rounds) =>
        rounds.Where(r => !r.Withdrawn);

    public static FieldErrors Window(this FieldErrors fields, DateOnly? from, DateOnly? to) =>
        fields.When(to < from, "to", "Must not be before from.");
}

[Tags(ApiTags.Monitoring)]
public static class GetMonitoringRoundEndpoint
{
    /// <summary>One round as it stands, with its status: a withdrawn round stays readable.</summary>
    [WolverineGet("/api/monitoring/rounds/{roundId}", OperationId = "GetMonitoringRound")]
    [EndpointSummary("Read a monitoring round")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static MonitoringRound Get([Entity("roundId", MissingMessage = MonitoringReaders.Missing)] MonitoringRound round) => round;
}

/// <summary>Filters of the round list, all optional; withdrawn rounds are listed only when <see cref="IncludeWithdrawn"/>.</summary>
public sealed record MonitoringRoundQuery(DateOnly? From = null, DateOnly? To = null, string? Kind = null, int Page = 1,
    int PageSize = MonitoringRoundQuery.DefaultPageSize, bool IncludeWithdrawn = false)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.Monitoring)]
public static class ListMonitoringRoundsEndpoint
{
    public static ProblemDetails Validate(MonitoringRoundQuery query) => new FieldErrors()
        .Window(query.From, query.To)
        .OneOf<MonitoringKind>("kind", query.Kind)
        .Pages(query.Page, query.PageSize, MonitoringRoundQuery.MaxPageSize)
        .ToProblem();

    /// <summary>Rounds whose period overlaps the window, latest period first, a page at a time; the withdrawn ones when asked for.</summary>
    [WolverineGet("/api/monitoring/rounds", OperationId = "ListMonitoringRounds")]
    [EndpointSummary("List monitoring rounds")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static Task<Paged<MonitoringRound>> List([FromQuery] MonitoringRoundQuery query, IQuerySession session, CancellationToken ct)
    {
        var rounds = session.Query<MonitoringRound>().Within(query.From, query.To);
        if (!query.IncludeWithdrawn) rounds = rounds.Standing();
        if (KebabEnum.Parse<MonitoringKind>(query.Kind) is { } kind) rounds = rounds.Where(r => r.Kind == kind);
        return rounds.OrderByDescending(r => r.To).ThenBy(r => r.Id).PageAsync(query.Page, query.PageSize, ct);
    }
}

/// <summary>A kind of monitoring's figures over a window; procurement's only for public procurement.</summary>
public sealed record MonitoringKindFigures(
    MonitoringKind Kind,
    int Rounds,
    long ItemsReviewed,
    int Findings,
    int? ProcurementsChecked = null,
    int? Violations = null,
    int? ViolationsAffectingResult = null);

/// <summary>Every kind of monitoring, held or not: a kind with no round says so with zeros.</summary>
public sealed record MonitoringSummary(DateOnly? From, DateOnly? To, IReadOnlyList<MonitoringKindFigures> Kinds);

/// <summary>The summary's window.</summary>
public sealed record MonitoringSummaryQuery(DateOnly? From = null, DateOnly? To = null);

[Tags(ApiTags.Monitoring)]
public static class GetMonitoringSummaryEndpoint
{
    public static ProblemDetails Validate(MonitoringSummaryQuery query) => new FieldErrors().Window(query.From, query.To).ToProblem();

    /// <summary>Per kind: rounds held (as corrected, withdrawn ones left out), items reviewed, findings, and procurement's checks, violations and those that affected the result.</summary>
    [WolverineGet("/api/monitoring/summary", OperationId = "GetMonitoringSummary")]
    [EndpointSummary("Summarise monitoring")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<MonitoringSummary> Get([FromQuery] MonitoringSummaryQuery query, IQuerySession session, CancellationToken ct)
    {
        var rounds = await session.Query<MonitoringRound>().Within(query.From, query.To).Standing().ToListAsync(ct);
        return new MonitoringSummary(query.From, query.To, Enum.GetValues<MonitoringKind>().Select(kind =>
        {
            var held = rounds.Where(r => r.Kind == kind).ToList();
            var procurement = kind == MonitoringKind.PublicProcurement;
            return new MonitoringKindFigures(
                kind,
                held.Count,
                held.Sum(r => (long)r.ItemsReviewed),
                held.Sum(r => r.Findings.Length),
                procurement ? held.Sum(r => r.Procurement?.Checked ?? 0) : null,
                procurement ? held.Sum(r => r.Procurement?.Violations ?? 0) : null,
                procurement ? held.Sum(r => r.Procurement?.AffectingResult ?? 0) : null);
        }).ToList());
    }
}
