using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Reflection;
using System.Text;
using Cases.Domain.Meetings;
using Cases.Projections.Statistics;

namespace Cases.Api.Statistics;

/// <summary>
/// One month's figures, or the whole period's: every figure of the statistics, defined here once. Its parameter names
/// it in the JSON (camel case) and in the CSV (kebab case), in this order; <see cref="Of"/> says how it adds up the facts.
/// A new figure is a parameter and its line in <see cref="Of"/>, and a new kind of fact for the projection to record if
/// the figure needs one; the narrative says what it chooses to say of the figures.
/// </summary>
public sealed record StatisticLine(
    string Period,
    int Contacts,
    IReadOnlyDictionary<string, int> ContactsByChannel,
    int CorruptionContacts,
    int Appeals,
    IReadOnlyDictionary<string, int> AppealsByChannel,
    IReadOnlyDictionary<string, int> AppealsByCategory,
    int CorruptionAppeals,
    int CasesOpened,
    int InternalCases,
    int CasesClosed,
    decimal? AverageDaysToClose,
    int MeetingsHeld,
    IReadOnlyDictionary<string, int> MeetingsByCommission,
    int DecisionsAdopted,
    ExecutionRate Execution,
    IReadOnlyDictionary<string, ExecutionRate> ExecutionByCommission,
    int Sanctions,
    IReadOnlyDictionary<string, int> SanctionsByType,
    int EthicsFindingsWithViolation,
    int EthicsFindingsWithoutViolation)
{
    public static StatisticLine Of(string period, LineFacts facts) => new(
        period,
        Contacts: facts.Count(Metric.Contacts),
        ContactsByChannel: facts.ByKey(Metric.Contacts),
        CorruptionContacts: facts.Count(Metric.CorruptionContacts),
        Appeals: facts.Count(Metric.AppealsByChannel),
        AppealsByChannel: facts.ByKey(Metric.AppealsByChannel),
        AppealsByCategory: facts.ByKey(Metric.AppealsByCategory),
        CorruptionAppeals: facts.Count(Metric.AppealsByCategory, nameof(Category.Corruption)),
        CasesOpened: facts.Count(Metric.AppealsByChannel) + facts.Count(Metric.InternalCases),
        InternalCases: facts.Count(Metric.InternalCases),
        CasesClosed: facts.Count(Metric.CasesClosed),
        AverageDaysToClose: facts.Average(Metric.CasesClosed),
        MeetingsHeld: facts.Count(Metric.MeetingsHeld),
        MeetingsByCommission: facts.ByCommission(Metric.MeetingsHeld),
        DecisionsAdopted: facts.Count(Metric.DecisionsAdopted),
        Execution: facts.Execution(),
        ExecutionByCommission: facts.ExecutionByCommission(),
        Sanctions: facts.Count(Metric.Sanctions),
        SanctionsByType: facts.ByKey(Metric.Sanctions),
        EthicsFindingsWithViolation: facts.Count(Metric.EthicsFindings, StatisticsProjection.Violation),
        EthicsFindingsWithoutViolation: facts.Count(Metric.EthicsFindings, StatisticsProjection.NoViolation));
}

/// <summary>The report as CSV: a row for each figure of each line, and for each key of a figure counted by key.</summary>
public static class StatisticsCsv
{
    private static readonly (string Name, PropertyInfo Value)[] Figures = typeof(StatisticLine).GetConstructors().Single().GetParameters()
        .Where(p => p.Name != nameof(StatisticLine.Period))
        .Select(p => (StatisticsData.KeyName(p.Name!), typeof(StatisticLine).GetProperty(p.Name!)!))
        .ToArray();

    public static string Of(StatisticsReport report, IStringLocalizer texts)
    {
        var csv = new StringBuilder().AppendJoin(',', new[] { "Csv.Period", "Csv.Figure", "Csv.Key", "Csv.Value" }.Select(h => texts[h].Value)).Append('\n');
        foreach (var line in report.Months.Append(report.Total))
        {
            void Row(string figure, string key, object? value) =>
                csv.Append(line.Period).Append(',').Append(figure).Append(',').Append(Csv.Field(key)).Append(',')
                    .Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
            foreach (var (figure, property) in Figures)
            {
                switch (property.GetValue(line))
                {
                    case IReadOnlyDictionary<string, int> counts:
                        foreach (var (key, count) in counts) Row(figure, key, count);
                        break;
                    // An execution rate is told by the decisions it counts, and its rate alone for each commission.
                    case ExecutionRate rate:
                        Row("decisions-due", "", rate.Due);
                        Row("decisions-executed-on-time", "", rate.ExecutedOnTime);
                        Row("decisions-executed-late", "", rate.ExecutedLate);
                        Row("decisions-overdue", "", rate.Overdue);
                        Row("decisions-not-yet-due", "", rate.NotYetDue);
                        Row("execution-rate-percent", "", rate.RatePercent);
                        break;
                    case IReadOnlyDictionary<string, ExecutionRate> rates:
                        foreach (var (commission, rate) in rates) Row("execution-rate-percent-by-commission", commission, rate.RatePercent);
                        break;
                    case var value:
                        Row(figure, "", value);
                        break;
                }
            }
        }
        return csv.ToString();
    }
}
