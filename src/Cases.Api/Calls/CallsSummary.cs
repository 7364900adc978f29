using Cases.Domain.Calls;
using Cases.Projections.Calls;
using Marten;

namespace Cases.Api.Calls;

/// <summary>The days to sum, <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record CallsSummaryQuery(DateOnly? From = null, DateOnly? To = null)
{
    public const int MaxDays = 3_660;

    public ProblemDetails Check() => new FieldErrors()
        .Period(From, To)
        .When(To?.DayNumber - From?.DayNumber >= MaxDays, "to", $"At most {MaxDays} days.")
        .ToProblem();
}

/// <summary>
/// A line's calls in the period: the days logged, the calls, per logged day the average (one decimal), minimum and
/// maximum, and how many were about corruption.
/// </summary>
public sealed record CallLineFigures(string LineId, string Name, LineKind Kind, int DaysLogged, int Calls, decimal? AveragePerDay,
    int? MinPerDay, int? MaxPerDay, int AboutCorruption);

/// <summary>Every configured line's figures, and the lines that received no call in the period (logged or not).</summary>
public sealed record CallsSummary(DateOnly From, DateOnly To, IReadOnlyList<CallLineFigures> Lines, IReadOnlyList<string> LinesWithoutCalls);

[Tags(ApiTags.Calls)]
public static class CallsSummaryEndpoint
{
    public static ProblemDetails Validate(CallsSummaryQuery query) => query.Check();

    /// <summary>The calls per line in a period, from the logged days: "200-250 calls a day, none about corruption, none to the compliance phone".</summary>
    [WolverineGet("/api/call-lines/summary", OperationId = "SummariseCalls")]
    [EndpointSummary("Calls per line and day in a period")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<CallsSummary> Get([FromQuery] CallsSummaryQuery query, IQuerySession session, CancellationToken ct)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        var lines = await session.Query<CallLine>().OrderBy(l => l.LineId).ToListAsync(ct);
        var days = (await session.Query<CallDay>().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct)).ToLookup(d => d.LineId);
        var figures = lines.Select(line =>
        {
            var logged = days[line.LineId].ToList();
            var calls = logged.Sum(d => d.Calls);
            return new CallLineFigures(line.LineId, line.Name, line.Kind, logged.Count, calls,
                logged.Count == 0 ? null : Math.Round((decimal)calls / logged.Count, 1, MidpointRounding.AwayFromZero),
                logged.Count == 0 ? null : logged.Min(d => d.Calls), logged.Count == 0 ? null : logged.Max(d => d.Calls),
                logged.Sum(d => d.AboutCorruption));
        }).ToList();
        return new CallsSummary(from, to, figures, figures.Where(f => f.Calls == 0).Select(f => f.LineId).ToList());
    }
}
