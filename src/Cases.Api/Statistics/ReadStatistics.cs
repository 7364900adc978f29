using Cases.Api.Localization;
using Microsoft.Extensions.Localization;
using System.Text;
using Cases.Projections.Statistics;
using Marten;

namespace Cases.Api.Statistics;

/// <summary>
/// The months to report, from the month of <see cref="From"/> to the month of <see cref="To"/>, both included, and the
/// language of any text, when not Accept-Language's.
/// </summary>
public sealed record StatisticsQuery(DateOnly? From = null, DateOnly? To = null, Language? Lang = null)
{
    public const int MaxMonths = 120;

    public ProblemDetails Check() => new FieldErrors()
        .Period(From, To)
        .When(Months(From ?? default, To ?? default) > MaxMonths, "to", $"At most {MaxMonths} months.")
        .ToProblem();

    public DateOnly FirstMonth => StatisticsProjection.MonthOf(From!.Value);
    public DateOnly LastMonth => StatisticsProjection.MonthOf(To!.Value);

    private static int Months(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
}

public sealed record StatisticsReport(DateOnly From, DateOnly To, StatisticLine Total, IReadOnlyList<StatisticLine> Months);

[Tags(ApiTags.Statistics)]
public static class ReadStatisticsEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    /// <summary>
    /// The organisation's figures for a range of months, month by month and in total: JSON, or CSV when the client
    /// asks for <c>text/csv</c>, its header in the request's language.
    /// </summary>
    [WolverineGet("/api/statistics", OperationId = "ReadStatistics")]
    [EndpointSummary("Figures of a period, as JSON or CSV")]
    [ProducesResponseType<StatisticsReport>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    [Localized]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, HttpRequest request, RequestTime time,
        IStringLocalizer<Reports> texts, ProjectionWait wait, CancellationToken ct)
    {
        var report = (await StatisticsData.LoadAsync(session, wait, query.FirstMonth, query.LastMonth, ct)).Report(time.Today);
        request.HttpContext.Response.Headers.Vary = "Accept";
        Languages.Answered(request.HttpContext.Response);
        return PrefersCsv(request)
            ? Results.Text(StatisticsCsv.Of(report, texts), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Ok(report);
    }

    /// <summary>CSV when the client ranks <c>text/csv</c> above JSON (quality values respected); JSON otherwise.</summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var csv = Quality("text/csv");
        return csv > 0 && csv > Math.Max(Quality("application/json"), Quality("*/*"));
    }
}
