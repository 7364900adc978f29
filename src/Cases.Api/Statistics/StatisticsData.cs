using System.Globalization;
using Cases.Domain.Commissions;
using Cases.Domain.Sanctions;
using Cases.Domain.Meetings;
using Cases.Projections.Statistics;
using Marten;
using Marten.Events;

namespace Cases.Api.Statistics;

/// <summary>A month's sum of one metric and key, as the database adds the facts up.</summary>
public sealed record MonthlySum(DateOnly Month, Metric Metric, string Key, int Count, decimal Sum);

/// <summary>A decision due in the period, with the commission that adopted it.</summary>
public sealed record CommissionDecision(Guid CommissionId, DueDecision Decision);

/// <summary>What the reports say of a commission: its name, and whether it is a disciplinary one.</summary>
public sealed record ReportedCommission(Guid Id, string Name, CommissionKind Kind);

/// <summary>
/// What the figures of a range of months are made of, read once: the monthly sums of the facts, the decisions due,
/// and the commissions. One organisation's, or several merged for a roll-up.
/// </summary>
public sealed record StatisticsData(
    DateOnly FirstMonth,
    DateOnly LastMonth,
    IReadOnlyList<MonthlySum> Sums,
    IReadOnlyList<CommissionDecision> Due,
    IReadOnlyDictionary<string, ReportedCommission> Commissions)
{
    public DateOnly End => LastMonth.AddMonths(1).AddDays(-1);

    /// <summary>The three parts as the database hands them over, in one answer.</summary>
    private sealed record Stored(MonthlySum[] Sums, CommissionDecision[] Due, ReportedCommission[] Commissions);

    /// <summary>
    /// One round trip: the facts summed by month, metric and key, the decisions due in the period and the
    /// commissions, each read from the organisation's own range of an index, so that the read costs the same however
    /// many other organisations the store holds. The decisions are compared by their ISO dates as text: that keeps
    /// the planner off the due-date index, which spans every organisation's decisions of the period.
    /// </summary>
    public static async Task<StatisticsData> LoadAsync(IQuerySession session, ProjectionWait wait, DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct)
    {
        // Whatever was recorded before the question is in the figures: the daemon is waited for, not raced. (Marten's
        // QueryForNonStaleData does the same for a LINQ query; the figures are read by SQL.)
        await session.Database.WaitForNonStaleProjectionDataAsync(typeof(StatisticFact), wait.Timeout, ct);
        var end = lastMonth.AddMonths(1).AddDays(-1);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var stored = (await session.AdvancedSql.QueryAsync<Stored>($"""
            select jsonb_build_object(
              'sums', coalesce((
                select jsonb_agg(jsonb_build_object('month', f.month, 'metric', f.metric, 'key', f.key, 'count', f.count, 'sum', f.sum))
                from (select data->>'month' as month, data->>'metric' as metric, data->>'key' as key,
                             sum((data->>'count')::int) as count, sum((data->>'sum')::numeric) as sum
                      from {schema}.mt_doc_statisticfact
                      where tenant_id = ? and {schema}.mt_immutable_date(data->>'month') between ? and ?
                      group by data->>'month', data->>'metric', data->>'key') f), '[]'::jsonb),
              'due', coalesce((
                select jsonb_agg(jsonb_build_object('commissionId', d.data->'commissionId',
                                                    'decision', jsonb_build_object('dueDate', d.data->'dueDate', 'executedOn', d.data->'executedOn')))
                from {schema}.mt_doc_decisionsummary d
                where d.tenant_id = ? and d.data->>'dueDate' between ? and ?), '[]'::jsonb),
              'commissions', coalesce((
                select jsonb_agg(jsonb_build_object('id', c.data->'id', 'name', c.data->'name', 'kind', c.data->'kind'))
                from {schema}.mt_doc_commission c
                where c.tenant_id = ?), '[]'::jsonb))
            """, ct, session.TenantId, firstMonth, lastMonth, session.TenantId, Iso(firstMonth), Iso(end), session.TenantId)).Single();
        return new StatisticsData(firstMonth, lastMonth, stored.Sums, stored.Due, stored.Commissions.ToDictionary(c => c.Id.ToString(), c => c));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
            months.Add(StatisticLine.Of(m.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                new LineFacts(this, Sums.Where(s => s.Month == m).ToArray(), m, m.AddMonths(1).AddDays(-1), today)));
        }
        return new StatisticsReport(FirstMonth, End, Total(today), months);
    }

    /// <summary>The whole period's figures.</summary>
    public StatisticLine Total(DateOnly today) =>
        StatisticLine.Of($"{FirstMonth:yyyy-MM}..{LastMonth:yyyy-MM}", new LineFacts(this, Sums, FirstMonth, End, today));

    /// <summary>The same figures, with only the meetings, decisions and execution of the commissions selected.</summary>
    public StatisticsData OfCommissions(Func<string, bool> commission) => this with
    {
        Sums = [.. Sums.Where(s => !s.Metric.IsByCommission() || commission(s.Key))],
        Due = [.. Due.Where(d => commission(d.CommissionId.ToString()))]
    };

    /// <summary>The execution of the decisions due from <paramref name="from"/> to <paramref name="to"/>, of the commissions selected.</summary>
    public ExecutionRate Execution(DateOnly from, DateOnly to, DateOnly today, Func<string, bool>? commission = null) =>
        ExecutionRate.Compute(from, to, Due.Where(d => commission?.Invoke(d.CommissionId.ToString()) ?? true).Select(d => d.Decision), today);

    /// <summary>A commission's name in the reports; with its id when another commission of the report bears the same name.</summary>
    public string Label(string commissionId) =>
        !Commissions.TryGetValue(commissionId, out var commission) ? commissionId
        : Commissions.Values.Count(c => c.Name == commission.Name) > 1 ? $"{commission.Name} ({commission.Id})"
        : commission.Name;

    public bool IsDisciplinary(string commissionId) =>
        Commissions.TryGetValue(commissionId, out var commission) && commission.Kind == CommissionKind.Disciplinary;

    /// <summary>A name as the API spells it: <c>call-centre</c>, <c>severe-reprimand</c>, <c>appeals-by-channel</c>.</summary>
    public static string KeyName(string key) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(key);

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

/// <summary>The facts of one line of the report (a month, or the period) and the decisions due in it, as its figures add them up.</summary>
public sealed class LineFacts(StatisticsData data, IReadOnlyCollection<MonthlySum> sums, DateOnly from, DateOnly to, DateOnly today)
{
    public int Count(Metric metric) => sums.Where(s => s.Metric == metric).Sum(s => s.Count);

    public int Count(Metric metric, string key) => sums.Where(s => s.Metric == metric && s.Key == key).Sum(s => s.Count);

    /// <summary>The counts by key, spelled as the API spells enum values, in key order.</summary>
    public IReadOnlyDictionary<string, int> ByKey(Metric metric) => By(metric, key => StatisticsData.KeyName(metric, key));

    /// <summary>The counts by commission, by the commission's name in the reports.</summary>
    public IReadOnlyDictionary<string, int> ByCommission(Metric metric) => By(metric, data.Label);

    /// <summary>The mean of the facts' sums (say, days to close), to one decimal; none without a fact.</summary>
    public decimal? Average(Metric metric)
    {
        var facts = sums.Where(s => s.Metric == metric).ToArray();
        var count = facts.Sum(s => s.Count);
        return count == 0 ? null : Math.Round(facts.Sum(s => s.Sum) / count, 1);
    }

    public ExecutionRate Execution() => data.Execution(from, to, today);

    /// <summary>The execution of each commission that had decisions due, by its name in the reports.</summary>
    public IReadOnlyDictionary<string, ExecutionRate> ExecutionByCommission() => data.Due.Select(d => d.CommissionId.ToString()).Distinct()
        .Select(id => (Name: data.Label(id), Rate: data.Execution(from, to, today, other => other == id)))
        .Where(c => c.Rate.Due > 0).OrderBy(c => c.Name, StringComparer.Ordinal).ToDictionary(c => c.Name, c => c.Rate);

    private IReadOnlyDictionary<string, int> By(Metric metric, Func<string, string> name) => sums.Where(s => s.Metric == metric)
        .GroupBy(s => name(s.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
}
