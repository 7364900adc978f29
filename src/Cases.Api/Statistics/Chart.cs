using Cases.Projections.Statistics;
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

    public static string Svg(string title, StatisticsData data)
    {
        var months = new List<DateOnly>();
        for (var month = data.FirstMonth; month <= data.LastMonth; month = month.AddMonths(1)) months.Add(month);
        var model = new PlotModel { Title = title };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopRight });
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, ItemsSource = months.Select(m => m.ToString("yyyy-MM")).ToArray() });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, MinimumPadding = 0, AbsoluteMinimum = 0, Title = "per month" });
        foreach (var (name, metric) in new[] { ("Appeals", Metric.AppealsByChannel), ("Protocol decisions", Metric.DecisionsAdopted), ("Sanctions", Metric.Sanctions) })
        {
            var series = new LineSeries { Title = name, MarkerType = MarkerType.Circle };
            for (var i = 0; i < months.Count; i++)
            {
                series.Points.Add(new DataPoint(i, data.Sums.Where(s => s.Metric == metric && s.Month == months[i]).Sum(s => s.Count)));
            }
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
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, CancellationToken ct)
    {
        var data = await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct);
        return Results.Text(TrendChart.Svg($"Appeals, decisions and sanctions, {query.FirstMonth:yyyy-MM} to {query.LastMonth:yyyy-MM}", data),
            "image/svg+xml; charset=utf-8");
    }
}
