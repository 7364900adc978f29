using Cases.Api.Localization;
using Microsoft.Extensions.Localization;
using Marten;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Cases.Api.Statistics;

/// <summary>The monthly trend of appeals, protocol decisions and sanctions, drawn by OxyPlot as SVG.</summary>
public static class TrendChart
{
    public const int Width = 900;
    public const int Height = 450;

    public static string Svg(IStringLocalizer texts, DateOnly firstMonth, DateOnly lastMonth, IReadOnlyList<StatisticLine> months)
    {
        var model = new PlotModel { Title = texts.Format("Chart.Title", $"{firstMonth:yyyy-MM}", $"{lastMonth:yyyy-MM}") };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopRight });
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, ItemsSource = months.Select(m => m.Period).ToArray() });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, MinimumPadding = 0, AbsoluteMinimum = 0, Title = texts["Chart.PerMonth"] });
        foreach (var (name, figure) in new (string, Func<StatisticLine, int>)[]
                 {
                     (texts["Chart.Appeals"], m => m.Appeals), (texts["Chart.Decisions"], m => m.DecisionsAdopted), (texts["Chart.Sanctions"], m => m.Sanctions)
                 })
        {
            var series = new LineSeries { Title = name, MarkerType = MarkerType.Circle };
            for (var i = 0; i < months.Count; i++) series.Points.Add(new DataPoint(i, figure(months[i])));
            model.Series.Add(series);
        }
        return SvgExporter.ExportToString(model, Width, Height, isDocument: true);
    }
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
        HttpResponse response, CancellationToken ct)
    {
        var months = (await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct)).Report(time.Today).Months;
        Languages.Answered(response);
        return Results.Text(TrendChart.Svg(texts, query.FirstMonth, query.LastMonth, months),
            "image/svg+xml; charset=utf-8");
    }
}
