using System.Globalization;
using Cases.Domain.Cases;
using Cases.Projections.Statistics;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Statistics;

/// <summary>
/// The period's figures told the way compliance services report them ("The centre received 7 appeals (complaints),
/// 5 meetings were held on them, 30 protocol decisions were made. Execution was 90%. ..."). Meetings and decisions
/// "on the appeals" are those of the commissions other than disciplinary ones, which have their own sentence.
/// </summary>
public static class NarrativeReport
{
    public static string Of(string organisation, StatisticsData data, DateOnly today)
    {
        var all = data.Total(today);
        var onAppeals = data.OfCommissions(commission => !data.IsDisciplinary(commission)).Total(today);
        var disciplinary = data.OfCommissions(data.IsDisciplinary).Total(today);
        var categories = data.Sums.Where(s => s.Metric == Metric.AppealsByCategory).GroupBy(s => StatisticsData.KeyName(s.Metric, s.Key))
            .Select(g => (Category: g.Key, Count: g.Sum(s => s.Count))).OrderByDescending(c => c.Count).ToArray();

        var sentences = new List<string>
        {
            $"From {data.FirstMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} to {data.LastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}, " +
            $"{organisation} received {Plural(all.Appeals, "appeal")} (complaints), {Plural(onAppeals.MeetingsHeld, "meeting")} {Were(onAppeals.MeetingsHeld)} held on them, " +
            $"{Plural(onAppeals.DecisionsAdopted, "protocol decision")} {Were(onAppeals.DecisionsAdopted)} made.",
            onAppeals.Execution.RatePercent is { } rate ? $"Execution was {rate.ToString("0.#", CultureInfo.InvariantCulture)}%." : "No decision was due yet.",
            (categories.Length == 1 ? $"All appeals related to {Topic(categories[0].Category)}" :
                categories.Length == 0 ? "No appeal was received" :
                "The appeals related to " + string.Join(", ", categories.Select(c => $"{Topic(c.Category)} ({c.Count})"))) +
            (all.CorruptionAppeals == 0 ? ", there are no complaints about corruption." : $"; {Plural(all.CorruptionAppeals, "complaint")} concerned corruption.")
        };
        if (all.Contacts > 0)
        {
            sentences.Add($"The intake recorded {Plural(all.Contacts, "contact")}; " +
                          (all.CorruptionContacts == 0 ? "none concerned corruption." : $"{all.CorruptionContacts} concerned corruption."));
        }
        sentences.Add($"{Plural(disciplinary.MeetingsHeld, "meeting")} of the disciplinary commission {Were(disciplinary.MeetingsHeld)} held, " +
                      $"{Plural(all.Sanctions, "disciplinary sanction")} {Were(all.Sanctions)} imposed, " +
                      (all.EthicsFindingsWithViolation == 0
                          ? "but no facts of violation of the code of business ethics were revealed."
                          : $"and {Plural(all.EthicsFindingsWithViolation, "violation")} of the code of business ethics {Were(all.EthicsFindingsWithViolation)} found."));
        return string.Join(" ", sentences) + "\n";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Were(int count) => count == 1 ? "was" : "were";

    private static string Topic(string category) => category switch
    {
        "medical-care" => "the provision of medical care",
        "labour-discipline" => "labour discipline",
        KebabEnum.Unknown => "an unknown category",
        _ => category.Replace('-', ' ')
    };
}

[Tags(ApiTags.Statistics)]
public static class ReadNarrativeEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    [WolverineGet("/api/statistics/narrative", OperationId = "ReadNarrative")]
    [EndpointSummary("A period told as text")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, IOptions<OrganisationSettings> organisations,
        RequestTime time, CancellationToken ct)
    {
        var data = await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct);
        return Results.Text(NarrativeReport.Of(organisations.Value.NameOf(session.TenantId), data, time.Today), "text/plain; charset=utf-8");
    }
}
