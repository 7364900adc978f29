using System.Globalization;
using System.Text;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
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

/// <summary>A month's sum of one metric and key, as the database adds the facts up.</summary>
public sealed record MonthlySum(DateOnly Month, Metric Metric, string Key, int Count, decimal Sum);

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
        var report = await StatisticsReports.BuildAsync(session, query.FirstMonth, query.LastMonth, time.Today, ct);
        return request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? Results.Text(StatisticsReports.Csv(report), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Ok(report);
    }
}

public static class StatisticsReports
{
    public static async Task<StatisticsReport> BuildAsync(IQuerySession session, DateOnly firstMonth, DateOnly lastMonth, DateOnly today,
        CancellationToken ct)
    {
        var end = lastMonth.AddMonths(1).AddDays(-1);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var sums = await session.AdvancedSql.QueryAsync<MonthlySum>($"""
            select jsonb_build_object('month', data->>'month', 'metric', data->>'metric', 'key', data->>'key',
                                      'count', sum((data->>'count')::int), 'sum', sum((data->>'sum')::numeric))
            from {schema}.mt_doc_statisticfact
            where tenant_id = ? and (data->>'month')::date between ? and ?
            group by data->>'month', data->>'metric', data->>'key'
            """, ct, session.TenantId, firstMonth, lastMonth);
        var due = await session.Query<DecisionSummary>().Where(d => d.DueDate >= firstMonth && d.DueDate <= end)
            .Select(d => new DueDecision(d.DueDate, d.ExecutedOn)).ToListAsync(ct);
        var commissions = (await session.Query<Commission>().ToListAsync(ct)).ToDictionary(c => c.Id.ToString(), c => c.Name);

        var months = new List<StatisticLine>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var m = month;
            months.Add(Line(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), sums.Where(s => s.Month == m).ToArray(), commissions,
                ExecutionRate.Compute(m, m.AddMonths(1).AddDays(-1), due, today)));
        }
        var period = $"{firstMonth:yyyy-MM}..{lastMonth:yyyy-MM}";
        return new StatisticsReport(firstMonth, end, Line(period, sums, commissions, ExecutionRate.Compute(firstMonth, end, due, today)), months);
    }

    private static StatisticLine Line(string period, IReadOnlyCollection<MonthlySum> sums, IReadOnlyDictionary<string, string> commissions,
        ExecutionRate execution)
    {
        IReadOnlyDictionary<string, int> By(Metric metric, Func<string, string>? name = null) => sums.Where(s => s.Metric == metric)
            .GroupBy(s => (name ?? KeyName)(s.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        int Total(Metric metric) => sums.Where(s => s.Metric == metric).Sum(s => s.Count);
        int Ethics(string key) => sums.Where(s => s.Metric == Metric.EthicsFindings && s.Key == key).Sum(s => s.Count);

        var closed = sums.Where(s => s.Metric == Metric.CasesClosed).ToArray();
        var byCategory = By(Metric.AppealsByCategory);
        return new StatisticLine(
            period,
            Total(Metric.Contacts), By(Metric.Contacts), Total(Metric.CorruptionContacts),
            Total(Metric.AppealsByChannel), By(Metric.AppealsByChannel), byCategory, byCategory.GetValueOrDefault("corruption"),
            closed.Sum(s => s.Count), closed.Sum(s => s.Count) == 0 ? null : Math.Round(closed.Sum(s => s.Sum) / closed.Sum(s => s.Count), 1),
            Total(Metric.MeetingsHeld), By(Metric.MeetingsHeld, id => commissions.GetValueOrDefault(id, id)),
            Total(Metric.DecisionsAdopted), execution,
            Total(Metric.Sanctions), By(Metric.Sanctions),
            Ethics(StatisticsProjection.Violation), Ethics(StatisticsProjection.NoViolation));
    }

    /// <summary>Enum keys as the API spells them elsewhere: <c>call-centre</c>, <c>severe-reprimand</c>.</summary>
    private static string KeyName(string key) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(key);

    public static string Csv(StatisticsReport report)
    {
        var csv = new StringBuilder("period,figure,key,value\n");
        foreach (var line in report.Months.Append(report.Total))
        {
            void Row(string figure, string key, object? value) =>
                csv.Append(line.Period).Append(',').Append(figure).Append(',').Append(Quoted(key)).Append(',')
                    .Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
            void Rows(string figure, IReadOnlyDictionary<string, int> values)
            {
                foreach (var (key, value) in values) Row(figure, key, value);
            }
            Row("contacts", "", line.Contacts);
            Rows("contacts", line.ContactsByChannel);
            Row("corruption-contacts", "", line.CorruptionContacts);
            Row("appeals", "", line.Appeals);
            Rows("appeals-by-channel", line.AppealsByChannel);
            Rows("appeals-by-category", line.AppealsByCategory);
            Row("corruption-appeals", "", line.CorruptionAppeals);
            Row("cases-closed", "", line.CasesClosed);
            Row("average-days-to-close", "", line.AverageDaysToClose);
            Row("meetings-held", "", line.MeetingsHeld);
            Rows("meetings-held", line.MeetingsByCommission);
            Row("decisions-adopted", "", line.DecisionsAdopted);
            Row("decisions-due", "", line.Execution.Due);
            Row("decisions-executed-on-time", "", line.Execution.ExecutedOnTime);
            Row("decisions-overdue", "", line.Execution.Overdue);
            Row("execution-rate-percent", "", line.Execution.RatePercent);
            Row("sanctions", "", line.Sanctions);
            Rows("sanctions", line.SanctionsByType);
            Row("ethics-findings-with-violation", "", line.EthicsFindingsWithViolation);
            Row("ethics-findings-without-violation", "", line.EthicsFindingsWithoutViolation);
        }
        return csv.ToString();
    }

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
