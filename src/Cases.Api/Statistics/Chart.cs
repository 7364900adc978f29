using Cases.Api.Localization;
using Microsoft.Extensions.Localization;
using Marten;
using System.Xml.Linq;

namespace Cases.Api.Statistics;

/// <summary>
/// The monthly trend of a period, as the chart endpoint and the console draw it: appeals, protocol decisions and
/// sanctions as bars for each month, and the execution of the decisions due each month as a rate on a 0–100% axis.
/// </summary>
public static class TrendChart
{
    public const int Width = 900;
    public const int CountsHeight = 420;
    public const int RateHeight = 320;

    /// <summary>Both charts, one under the other, as one SVG document.</summary>
    public static string Svg(IStringLocalizer texts, DateOnly firstMonth, DateOnly lastMonth, StatisticsReport report)
    {
        var document = SvgChart.Document(Title(texts, firstMonth, lastMonth), Width,
            Counts(texts, "trend-counts", firstMonth, lastMonth, report), Rate(texts, "trend-rate", firstMonth, lastMonth, report));
        return $"{document.Declaration}\n{SvgChart.Markup(document.Root!)}";
    }

    public static string Title(IStringLocalizer texts, DateOnly firstMonth, DateOnly lastMonth) =>
        texts.Format("Chart.Title", $"{firstMonth:yyyy-MM}", $"{lastMonth:yyyy-MM}");

    /// <summary>The monthly counts as bars, totals of the period in its description.</summary>
    public static XElement Counts(IStringLocalizer texts, string id, DateOnly firstMonth, DateOnly lastMonth, StatisticsReport report)
    {
        var series = CountSeries(texts, report.Months);
        var totals = string.Join(", ", series.Select(s => $"{s.Name} {SvgChart.Number(s.Values.Sum() ?? 0)}"));
        return SvgChart.Bars(id, Title(texts, firstMonth, lastMonth), texts.Format("Chart.Counts.Desc", totals), texts["Chart.PerMonth"],
            [.. report.Months.Select(m => m.Period)], series, Width, CountsHeight);
    }

    /// <summary>The execution rate of each month as a line on a percentage axis, with the period's rate as a dashed line.</summary>
    public static XElement Rate(IStringLocalizer texts, string id, DateOnly firstMonth, DateOnly lastMonth, StatisticsReport report)
    {
        var overall = report.Total.Execution.RatePercent;
        var whole = overall is { } rate ? texts.Format("Chart.Rate.Period", SvgChart.Number(rate)) : null;
        return SvgChart.Rate(id, texts.Format("Chart.Rate.Title", $"{firstMonth:yyyy-MM}", $"{lastMonth:yyyy-MM}"),
            overall is { } known ? texts.Format("Chart.Rate.Desc", SvgChart.Number(known)) : texts["Chart.Rate.NoneDue"].Value,
            texts["Chart.Rate.Axis"], [.. report.Months.Select(m => m.Period)],
            new ChartSeries(texts["Chart.Rate.Month"], [.. report.Months.Select(m => m.Execution.RatePercent)]), overall, whole, Width, RateHeight);
    }

    /// <summary>The organisations of a roll-up side by side: the period's appeals, protocol decisions and sanctions of each, as bars.</summary>
    public static XElement Organisations(IStringLocalizer texts, string id, DateOnly firstMonth, DateOnly lastMonth, RollUpReport report)
    {
        var series = CountSeries(texts, [.. report.Organisations.Select(o => o.Figures)]);
        var totals = string.Join(", ", CountSeries(texts, [report.Total]).Select(s => $"{s.Name} {SvgChart.Number(s.Values.Sum() ?? 0)}"));
        return SvgChart.RowBars(id, texts.Format("Chart.Organisations.Title", $"{firstMonth:yyyy-MM}", $"{lastMonth:yyyy-MM}"),
            texts.Format("Chart.Organisations.Desc", totals), texts["Chart.InPeriod"], [.. report.Organisations.Select(o => o.Name)], series, Width);
    }

    /// <summary>Appeals, protocol decisions and sanctions of each line, as bars count them.</summary>
    public static IReadOnlyList<ChartSeries> CountSeries(IStringLocalizer texts, IReadOnlyList<StatisticLine> lines) =>
    [
        new(texts["Chart.Appeals"], [.. lines.Select(m => (decimal?)m.Appeals)]),
        new(texts["Chart.Decisions"], [.. lines.Select(m => (decimal?)m.DecisionsAdopted)]),
        new(texts["Chart.Sanctions"], [.. lines.Select(m => (decimal?)m.Sanctions)])
    ];
}

[Tags(ApiTags.Statistics)]
public static class ReadChartEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    [WolverineGet("/api/statistics/chart", OperationId = "ReadChart")]
    [EndpointSummary("Monthly trend of a period, as SVG")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "image/svg+xml")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    [Localized]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, RequestTime time, IStringLocalizer<Reports> texts,
        HttpResponse response, ProjectionWait wait, CancellationToken ct)
    {
        var report = (await StatisticsData.LoadAsync(session, wait, query.FirstMonth, query.LastMonth, ct)).Report(time.Today);
        Languages.Answered(response);
        return Results.Text(TrendChart.Svg(texts, query.FirstMonth, query.LastMonth, report),
            "image/svg+xml; charset=utf-8");
    }
}
