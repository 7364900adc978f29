using System.Globalization;
using System.Text;
using Cases.Domain.Commissions;
using Cases.Domain.Sanctions;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Cases.Projections.Statistics;
using Marten;

namespace Cases.Api.Statistics;

/// <summary>A month's sum of one metric and key, as the database adds the facts up.</summary>
public sealed record MonthlySum(DateOnly Month, Metric Metric, string Key, int Count, decimal Sum);

/// <summary>A decision due in the period, with the commission that adopted it.</summary>
public sealed record CommissionDecision(Guid CommissionId, DueDecision Decision);

/// <summary>
/// What the figures of a range of months are made of, read once: the monthly sums of the facts, the decisions due,
/// and the commissions. One organisation's, or several merged for a roll-up.
/// </summary>
public sealed record StatisticsData(
    DateOnly FirstMonth,
    DateOnly LastMonth,
    IReadOnlyList<MonthlySum> Sums,
    IReadOnlyList<CommissionDecision> Due,
    IReadOnlyDictionary<string, Commission> Commissions)
{
    public DateOnly End => LastMonth.AddMonths(1).AddDays(-1);

    public static async Task<StatisticsData> LoadAsync(IQuerySession session, DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct)
    {
        var end = lastMonth.AddMonths(1).AddDays(-1);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var sums = await session.AdvancedSql.QueryAsync<MonthlySum>($"""
            select jsonb_build_object('month', data->>'month', 'metric', data->>'metric', 'key', data->>'key',
                                      'count', sum((data->>'count')::int), 'sum', sum((data->>'sum')::numeric))
            from {schema}.mt_doc_statisticfact
            where tenant_id = ? and {schema}.mt_immutable_date(data->>'month') between ? and ?
            group by data->>'month', data->>'metric', data->>'key'
            """, ct, session.TenantId, firstMonth, lastMonth);
        var due = await session.Query<DecisionSummary>().Where(d => d.DueDate >= firstMonth && d.DueDate <= end)
            .Select(d => new CommissionDecision(d.CommissionId, new DueDecision(d.DueDate, d.ExecutedOn))).ToListAsync(ct);
        var commissions = (await session.Query<Commission>().ToListAsync(ct)).ToDictionary(c => c.Id.ToString(), c => c);
        return new StatisticsData(firstMonth, lastMonth, sums, due, commissions);
    }

    /// <summary>Several organisations' figures as one: every sum and decision, and all their commissions.</summary>
    public static StatisticsData Merge(DateOnly firstMonth, DateOnly lastMonth, IReadOnlyList<StatisticsData> parts) => new(
        firstMonth, lastMonth,
        [.. parts.SelectMany(p => p.Sums)],
        [.. parts.SelectMany(p => p.Due)],
        parts.SelectMany(p => p.Commissions).DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value));

    public StatisticsReport Report(DateOnly today)
    {
        var months = new List<StatisticLine>();
        for (var month = FirstMonth; month <= LastMonth; month = month.AddMonths(1))
        {
            var m = month;
            months.Add(Line(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), Sums.Where(s => s.Month == m).ToArray(), m,
                m.AddMonths(1).AddDays(-1), today));
        }
        return new StatisticsReport(FirstMonth, End, Line($"{FirstMonth:yyyy-MM}..{LastMonth:yyyy-MM}", Sums, FirstMonth, End, today), months);
    }

    /// <summary>The execution of the decisions due from <paramref name="from"/> to <paramref name="to"/>, of the commissions selected.</summary>
    public ExecutionRate Execution(DateOnly from, DateOnly to, DateOnly today, Func<string, bool>? commission = null) =>
        ExecutionRate.Compute(from, to, Due.Where(d => commission?.Invoke(d.CommissionId.ToString()) ?? true).Select(d => d.Decision), today);

    public int Total(Metric metric, Func<MonthlySum, bool>? where = null) =>
        Sums.Where(s => s.Metric == metric && (where?.Invoke(s) ?? true)).Sum(s => s.Count);

    /// <summary>A commission's name in the reports; with its id when another commission of the report bears the same name.</summary>
    public string Label(string commissionId) =>
        !Commissions.TryGetValue(commissionId, out var commission) ? commissionId
        : Commissions.Values.Count(c => c.Name == commission.Name) > 1 ? $"{commission.Name} ({commission.Id})"
        : commission.Name;

    public bool IsDisciplinary(string commissionId) =>
        Commissions.TryGetValue(commissionId, out var commission) && commission.Kind == CommissionKind.Disciplinary;

    private StatisticLine Line(string period, IReadOnlyCollection<MonthlySum> sums, DateOnly from, DateOnly to, DateOnly today)
    {
        IReadOnlyDictionary<string, int> By(Metric metric, Func<string, string>? name = null) => sums.Where(s => s.Metric == metric)
            .GroupBy(s => name?.Invoke(s.Key) ?? KeyName(metric, s.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        int Count(Metric metric) => sums.Where(s => s.Metric == metric).Sum(s => s.Count);
        int Ethics(string key) => sums.Where(s => s.Metric == Metric.EthicsFindings && s.Key == key).Sum(s => s.Count);

        var closed = sums.Where(s => s.Metric == Metric.CasesClosed).ToArray();
        var byCategory = By(Metric.AppealsByCategory);
        var byCommission = Due.Select(d => d.CommissionId.ToString()).Distinct()
            .Select(id => (Name: Label(id), Rate: Execution(from, to, today, other => other == id)))
            .Where(c => c.Rate.Due > 0).OrderBy(c => c.Name, StringComparer.Ordinal).ToDictionary(c => c.Name, c => c.Rate);
        return new StatisticLine(
            period,
            Count(Metric.Contacts), By(Metric.Contacts), Count(Metric.CorruptionContacts),
            Count(Metric.AppealsByChannel), By(Metric.AppealsByChannel), byCategory, byCategory.GetValueOrDefault("corruption"),
            Count(Metric.AppealsByChannel) + Count(Metric.InternalCases), Count(Metric.InternalCases),
            closed.Sum(s => s.Count), closed.Sum(s => s.Count) == 0 ? null : Math.Round(closed.Sum(s => s.Sum) / closed.Sum(s => s.Count), 1),
            Count(Metric.MeetingsHeld), By(Metric.MeetingsHeld, Label),
            Count(Metric.DecisionsAdopted), Execution(from, to, today), byCommission,
            Count(Metric.Sanctions), By(Metric.Sanctions),
            Ethics(StatisticsProjection.Violation), Ethics(StatisticsProjection.NoViolation));
    }

    /// <summary>
    /// Enum keys as the API spells them elsewhere: <c>call-centre</c>, <c>severe-reprimand</c>; a key counted from a
    /// value stored outside the contract (a number such as <c>15</c> before the API was strict, or <c>Unknown</c>) is
    /// <c>unknown</c>. Other keys (commissions) are kept as they are.
    /// </summary>
    public static string KeyName(Metric metric, string key) =>
        KeyEnums.TryGetValue(metric, out var type)
            ? KebabEnum.OfStoredName(type, key)
            : key;

    private static readonly IReadOnlyDictionary<Metric, Type> KeyEnums = new Dictionary<Metric, Type>
    {
        [Metric.Contacts] = typeof(Channel),
        [Metric.CorruptionContacts] = typeof(Channel),
        [Metric.AppealsByChannel] = typeof(Channel),
        [Metric.AppealsByCategory] = typeof(Category),
        [Metric.InternalCases] = typeof(Category),
        [Metric.CasesClosed] = typeof(CaseOutcome),
        [Metric.Sanctions] = typeof(SanctionType)
    };
}

public static class StatisticsCsv
{
    public static string Of(StatisticsReport report)
    {
        var csv = new StringBuilder("period,figure,key,value\n");
        foreach (var line in report.Months.Append(report.Total))
        {
            void Row(string figure, string key, object? value) =>
                csv.Append(line.Period).Append(',').Append(figure).Append(',').Append(Csv.Field(key)).Append(',')
                    .Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
            void Rows(string figure, IReadOnlyDictionary<string, int> values)
            {
                foreach (var (key, value) in values) Row(figure, key, value);
            }
            Row("contacts", "", line.Contacts);
            Rows("contacts-by-channel", line.ContactsByChannel);
            Row("corruption-contacts", "", line.CorruptionContacts);
            Row("appeals", "", line.Appeals);
            Rows("appeals-by-channel", line.AppealsByChannel);
            Rows("appeals-by-category", line.AppealsByCategory);
            Row("corruption-appeals", "", line.CorruptionAppeals);
            Row("cases-opened", "", line.CasesOpened);
            Row("internal-cases", "", line.InternalCases);
            Row("cases-closed", "", line.CasesClosed);
            Row("average-days-to-close", "", line.AverageDaysToClose);
            Row("meetings-held", "", line.MeetingsHeld);
            Rows("meetings-by-commission", line.MeetingsByCommission);
            Row("decisions-adopted", "", line.DecisionsAdopted);
            Row("decisions-due", "", line.Execution.Due);
            Row("decisions-executed-on-time", "", line.Execution.ExecutedOnTime);
            Row("decisions-executed-late", "", line.Execution.ExecutedLate);
            Row("decisions-overdue", "", line.Execution.Overdue);
            Row("decisions-not-yet-due", "", line.Execution.NotYetDue);
            Row("execution-rate-percent", "", line.Execution.RatePercent);
            foreach (var (commission, rate) in line.ExecutionByCommission) Row("execution-rate-percent-by-commission", commission, rate.RatePercent);
            Row("sanctions", "", line.Sanctions);
            Rows("sanctions-by-type", line.SanctionsByType);
            Row("ethics-findings-with-violation", "", line.EthicsFindingsWithViolation);
            Row("ethics-findings-without-violation", "", line.EthicsFindingsWithoutViolation);
        }
        return csv.ToString();
    }
}
