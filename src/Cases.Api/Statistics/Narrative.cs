using System.Globalization;
using Cases.Domain.Cases;
using Cases.Domain.Meetings;
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
        var appeals = data.Total(Metric.AppealsByChannel);
        var meetings = data.Total(Metric.MeetingsHeld, s => !data.IsDisciplinary(s.Key));
        var decisions = data.Total(Metric.DecisionsAdopted, s => !data.IsDisciplinary(s.Key));
        var execution = data.Execution(data.FirstMonth, data.End, today, commission => !data.IsDisciplinary(commission));
        var categories = data.Sums.Where(s => s.Metric == Metric.AppealsByCategory).GroupBy(s => StatisticsData.KeyName(s.Metric, s.Key))
            .Select(g => (Category: g.Key, Count: g.Sum(s => s.Count))).OrderByDescending(c => c.Count).ToArray();
        var corruption = categories.Where(c => c.Category == KebabEnum.Name(Category.Corruption)).Sum(c => c.Count);
        var contacts = data.Total(Metric.Contacts);
        var corruptContacts = data.Total(Metric.CorruptionContacts);
        var disciplinaryMeetings = data.Total(Metric.MeetingsHeld, s => data.IsDisciplinary(s.Key));
        var sanctions = data.Total(Metric.Sanctions);
        var ethicsViolations = data.Total(Metric.EthicsFindings, s => s.Key == StatisticsProjection.Violation);

        var sentences = new List<string>
        {
            $"From {data.FirstMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} to {data.LastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}, " +
            $"{organisation} received {Plural(appeals, "appeal")} (complaints), {Plural(meetings, "meeting")} {(meetings == 1 ? "was" : "were")} held on them, " +
            $"{Plural(decisions, "protocol decision")} {(decisions == 1 ? "was" : "were")} made.",
            execution.RatePercent is { } rate ? $"Execution was {rate.ToString("0.#", CultureInfo.InvariantCulture)}%." : "No decision was due yet.",
            (categories.Length == 1 ? $"All appeals related to {Topic(categories[0].Category)}" :
                categories.Length == 0 ? "No appeal was received" :
                "The appeals related to " + string.Join(", ", categories.Select(c => $"{Topic(c.Category)} ({c.Count})"))) +
            (corruption == 0 ? ", there are no complaints about corruption." : $"; {Plural(corruption, "complaint")} concerned corruption.")
        };
        if (contacts > 0)
        {
            sentences.Add($"The intake recorded {Plural(contacts, "contact")}; " +
                          (corruptContacts == 0 ? "none concerned corruption." : $"{corruptContacts} concerned corruption."));
        }
        sentences.Add($"{Plural(disciplinaryMeetings, "meeting")} of the disciplinary commission {(disciplinaryMeetings == 1 ? "was" : "were")} held, " +
                      $"{Plural(sanctions, "disciplinary sanction")} {(sanctions == 1 ? "was" : "were")} imposed, " +
                      (ethicsViolations == 0
                          ? "but no facts of violation of the code of business ethics were revealed."
                          : $"and {Plural(ethicsViolations, "violation")} of the code of business ethics {(ethicsViolations == 1 ? "was" : "were")} found."));
        return string.Join(" ", sentences) + "\n";
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Topic(string category) => category switch
    {
        "medical-care" => "the provision of medical care",
        "labour-discipline" => "labour discipline",
        KebabEnum.Unknown => "an unknown category",
        _ => category.Replace('-', ' ')
    };
}

public static class ReadNarrativeEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    [WolverineGet("/api/statistics/narrative", OperationId = "ReadNarrative")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, IOptions<OrganisationSettings> organisations,
        RequestTime time, CancellationToken ct)
    {
        var data = await StatisticsData.LoadAsync(session, query.FirstMonth, query.LastMonth, ct);
        return Results.Text(NarrativeReport.Of(organisations.Value.NameOf(session.TenantId), data, time.Today), "text/plain; charset=utf-8");
    }
}
