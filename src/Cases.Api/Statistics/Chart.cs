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

    public static string Svg(string title, IReadOnlyList<StatisticLine> months)
    {
        var model = new PlotModel { Title = title };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopRight });
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, ItemsSource = months.Select(m => m.Period).ToArray() });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, MinimumPadding = 0, AbsoluteMinimum = 0, Title = "per month" });
        foreach (var (name, figure) in new (string, Func<StatisticLine, int>)[]
                 {
                     ("Appeals", m => m.Appeals), ("Protocol decisions", m => m.DecisionsAdopted), ("Sanctions", m => m.Sanctions)
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
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, RequestTime time, CancellationToken ct)
    {
        var months = (await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct)).Report(time.Today).Months;
        return Results.Text(TrendChart.Svg($"Appeals, decisions and sanctions, {query.FirstMonth:yyyy-MM} to {query.LastMonth:yyyy-MM}", months),
            "image/svg+xml; charset=utf-8");
    }
}
