using System.Globalization;
using System.Text;
using Cases.Domain.Meetings;
using Cases.Projections.Statistics;
using Marten;

namespace Cases.Api.Statistics;

/// <summary>The months to report, from the month of <see cref="From"/> to the month of <see cref="To"/>, both included.</summary>
public sealed record StatisticsQuery(DateOnly? From = null, DateOnly? To = null)
{
    public const int MaxMonths = 120;

    public ProblemDetails Check() => new FieldErrors()
        .When(From is null, "from", "Required.")
        .When(To is null, "to", "Required.")
        .When(From > To, "from", "Must not be after to.")
        .When(Months(From ?? default, To ?? default) > MaxMonths, "to", $"At most {MaxMonths} months.")
        .ToProblem();

    public DateOnly FirstMonth => StatisticsProjection.MonthOf(From!.Value);
    public DateOnly LastMonth => StatisticsProjection.MonthOf(To!.Value);

    private static int Months(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
}

/// <summary>One month's figures, or the whole period's.</summary>
public sealed record StatisticLine(
    string Period,
    int Contacts,
    IReadOnlyDictionary<string, int> ContactsByChannel,
    int CorruptionContacts,
    int Appeals,
    IReadOnlyDictionary<string, int> AppealsByChannel,
    IReadOnlyDictionary<string, int> AppealsByCategory,
    int CorruptionAppeals,
    int CasesClosed,
    decimal? AverageDaysToClose,
    int MeetingsHeld,
    IReadOnlyDictionary<string, int> MeetingsByCommission,
    int DecisionsAdopted,
    ExecutionRate Execution,
    int Sanctions,
    IReadOnlyDictionary<string, int> SanctionsByType,
    int EthicsFindingsWithViolation,
    int EthicsFindingsWithoutViolation);

public sealed record StatisticsReport(DateOnly From, DateOnly To, StatisticLine Total, IReadOnlyList<StatisticLine> Months);


public static class ReadStatisticsEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    /// <summary>
    /// The organisation's figures for a range of months, month by month and in total: JSON, or CSV when the client
    /// asks for <c>text/csv</c>.
    /// </summary>
    [WolverineGet("/api/statistics", OperationId = "ReadStatistics")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, HttpRequest request, RequestTime time,
        CancellationToken ct)
    {
        var report = (await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct)).Report(time.Today);
        return request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? Results.Text(StatisticsCsv.Of(report), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Ok(report);
    }
}

