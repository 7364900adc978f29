using Cases.Api.Localization;
using Cases.Domain.Calls;
using Cases.Domain.Monitoring;
using Cases.Projections.Calls;
using Cases.Projections.Monitoring;
using Cases.Projections.RiskAnalysis;
using Cases.Projections.Statistics;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.Statistics;

/// <summary>
/// What the compliance service's report tells beside the case statistics: the monitoring rounds that overlap the
/// period (not withdrawn), the calls logged on each line, and the risk analyses approved in it.
/// </summary>
public sealed record ProgrammeFigures(
    IReadOnlyList<MonitoringRound> Rounds,
    IReadOnlyList<CallLine> Lines,
    IReadOnlyList<CallDay> Days,
    IReadOnlyList<RiskAnalysisSummary> Analyses)
{
    /// <summary>One round trip: the four reads are batched.</summary>
    public static async Task<ProgrammeFigures> LoadAsync(IQuerySession session, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var rounds = batch.Query<MonitoringRound>().Where(r => r.To >= from && r.From <= to && !r.Withdrawn).OrderBy(r => r.From).ThenBy(r => r.Id).ToList();
        var lines = batch.Query<CallLine>().OrderBy(l => l.LineId).ToList();
        var days = batch.Query<CallDay>().Where(d => d.Date >= from && d.Date <= to).ToList();
        var analyses = batch.Query<RiskAnalysisSummary>().Where(a => a.ApprovedOn >= from && a.ApprovedOn <= to)
            .OrderBy(a => a.ApprovedOn).ThenBy(a => a.Id).ToList();
        await batch.Execute(ct);
        return new ProgrammeFigures(await rounds, await lines, await days, await analyses);
    }
}

/// <summary>
/// The period's figures told the way compliance services report them ("The centre received 7 appeals (complaints),
/// 5 meetings were held on them, 30 protocol decisions were made. Execution was 90%. ..."), in the request's language.
/// Meetings and decisions "on the appeals" are those of the commissions other than disciplinary ones, which have their
/// own sentence. A part of the programme with nothing recorded in the period has no sentence: the report states what
/// was done, and never a figure nobody measured.
/// </summary>
public static class NarrativeReport
{
    private static readonly MonitoringKind[] MediaKinds = [MonitoringKind.SocialNetworks, MonitoringKind.OwnWebsite, MonitoringKind.Media];

    public static string Of(IStringLocalizer texts, string organisation, StatisticsData data, ProgrammeFigures programme, DateOnly today)
    {
        var all = data.Total(today);
        var onAppeals = data.OfCommissions(commission => !data.IsDisciplinary(commission)).Total(today);
        var disciplinary = data.OfCommissions(data.IsDisciplinary).Total(today);
        var categories = data.Sums.Where(s => s.Metric == Metric.AppealsByCategory).GroupBy(s => StatisticsData.KeyName(s.Metric, s.Key))
            .Select(g => (Category: g.Key, Count: g.Sum(s => s.Count))).OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToArray();

        var topics = categories.Length switch
        {
            0 => texts["Report.Topics.None"].Value,
            1 => texts.Format("Report.Topics.All", Topic(texts, categories[0].Category)),
            _ => texts.Format("Report.Topics.Several", texts.List([.. categories.Select(c => texts.Format("Report.Topic.Count", Topic(texts, c.Category), c.Count))]))
        };
        var sentences = new List<string>
        {
            texts.Format("Report.Received", Period(texts, data.FirstMonth, data.LastMonth), organisation, texts.Plural("Report.Appeals", all.Appeals),
                texts.Plural("Report.MeetingsHeld", onAppeals.MeetingsHeld), texts.Plural("Report.DecisionsMade", onAppeals.DecisionsAdopted)),
            onAppeals.Execution.RatePercent is { } rate ? texts.Format("Report.Execution", texts.Number(rate)) : texts["Report.NothingDue"].Value,
            all.CorruptionAppeals == 0
                ? texts.Format("Report.NoCorruption", topics)
                : texts.Format("Report.Corruption", topics, texts.Plural("Report.CorruptionComplaints", all.CorruptionAppeals))
        };
        if (all.Contacts > 0)
        {
            sentences.Add(all.CorruptionContacts == 0
                ? texts.Format("Report.Contacts.None", texts.Plural("Report.ContactsCount", all.Contacts))
                : texts.Format("Report.Contacts.Some", texts.Plural("Report.ContactsCount", all.Contacts),
                    texts.Plural("Report.ContactsAboutCorruption", all.CorruptionContacts)));
        }
        sentences.AddRange(Monitoring(texts, programme));
        sentences.AddRange(Calls(texts, programme));
        sentences.AddRange(Procurement(texts, programme));
        var meetingsAndSanctions = (texts.Plural("Report.DisciplinaryMeetings", disciplinary.MeetingsHeld), texts.Plural("Report.Sanctions", all.Sanctions));
        sentences.Add(all.EthicsFindingsWithViolation == 0
            ? texts.Format("Report.Ethics.Clean", meetingsAndSanctions.Item1, meetingsAndSanctions.Item2)
            : texts.Format("Report.Ethics.Found", meetingsAndSanctions.Item1, meetingsAndSanctions.Item2,
                texts.Plural("Report.EthicsViolations", all.EthicsFindingsWithViolation)));
        sentences.AddRange(RiskAnalyses(texts, programme));
        return Paragraph(sentences);
    }

    /// <summary>The sentences as a paragraph, each begun with a capital: some begin with a list or a name written in the middle's case.</summary>
    public static string Paragraph(IEnumerable<string> sentences) =>
        string.Join(" ", sentences.Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..])) + "\n";

    /// <summary>"From January 2021 to October 2021", with the months in the cases the language needs.</summary>
    public static string Period(IStringLocalizer texts, DateOnly firstMonth, DateOnly lastMonth) =>
        texts.Format("Period", texts[$"Month.From.{firstMonth.Month}"].Value, firstMonth.Year, texts[$"Month.To.{lastMonth.Month}"].Value, lastMonth.Year);

    private static IEnumerable<string> Monitoring(IStringLocalizer texts, ProgrammeFigures programme)
    {
        var rounds = programme.Rounds.Where(r => MediaKinds.Contains(r.Kind)).ToList();
        if (rounds.Count == 0) yield break;
        var monitored = texts.List([.. MediaKinds.Where(k => rounds.Any(r => r.Kind == k)).Select(k => texts[$"Monitored.{KebabEnum.Name(k)}"].Value)]);
        var findings = rounds.SelectMany(r => r.Findings).ToList();
        yield return findings.Count == 0
            ? texts.Format("Report.Monitoring.Clean", monitored)
            : texts.Format("Report.Monitoring.Found", monitored, texts.Plural("Report.Findings", findings.Count),
                findings.Count(f => f.LedTo != FindingOutcome.None));
    }

    /// <summary>
    /// The call-centre's lines as one: calls per logged day, summed over its lines, from the fewest to the most; then
    /// each other line that received no call in the period ("no calls were received on the phone of the compliance service").
    /// </summary>
    private static IEnumerable<string> Calls(IStringLocalizer texts, ProgrammeFigures programme)
    {
        var centre = programme.Lines.Where(l => l.Kind == LineKind.CallCentre).Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
        var perDay = programme.Days.Where(d => centre.Contains(d.LineId)).GroupBy(d => d.Date)
            .Select(g => (Calls: g.Sum(d => d.Calls), AboutCorruption: g.Sum(d => d.AboutCorruption))).ToList();
        if (perDay.Count > 0)
        {
            var average = Math.Round((decimal)perDay.Sum(d => d.Calls) / perDay.Count, 0, MidpointRounding.AwayFromZero);
            // Counted by the most calls in a day: "200–221 звонок", "200–250 звонков".
            yield return texts.Plural("Report.Calls.Range", perDay.Max(d => d.Calls), perDay.Min(d => d.Calls), texts.Number(average));
            var aboutCorruption = perDay.Sum(d => d.AboutCorruption);
            yield return aboutCorruption == 0 ? texts["Report.Calls.NoCorruption"].Value : texts.Plural("Report.Calls.Corruption", aboutCorruption);
        }
        var called = programme.Days.Where(d => d.Calls > 0).Select(d => d.LineId).ToHashSet(StringComparer.Ordinal);
        foreach (var silent in programme.Lines.Where(l => l.Kind != LineKind.CallCentre && !called.Contains(l.LineId)))
        {
            var line = silent.Kind is LineKind.CompliancePhone or LineKind.Hotline1424
                ? texts[$"Line.{KebabEnum.Name(silent.Kind)}"].Value
                : texts.Format("Line.other", silent.Name);
            yield return texts.Format("Report.Calls.None", line);
        }
    }

    private static IEnumerable<string> Procurement(IStringLocalizer texts, ProgrammeFigures programme)
    {
        var checks = programme.Rounds.Where(r => r.Kind == MonitoringKind.PublicProcurement).Select(r => r.Procurement).OfType<ProcurementCheck>().ToList();
        if (checks.Count == 0) yield break;
        var (checkedCount, violations, affecting) = (checks.Sum(c => c.Checked), checks.Sum(c => c.Violations), checks.Sum(c => c.AffectingResult));
        var procurements = texts.Plural("Report.Procurements", checkedCount);
        yield return violations == 0 ? texts.Format("Report.Procurement.Clean", procurements)
            : affecting == 0 ? texts.Format("Report.Procurement.NotAffecting", procurements, texts.Plural("Report.Violations", violations))
            : texts.Format("Report.Procurement.Affecting", procurements, texts.Plural("Report.Violations", violations),
                texts.Plural("Report.ViolationsAffecting", affecting));
    }

    private static IEnumerable<string> RiskAnalyses(IStringLocalizer texts, ProgrammeFigures programme)
    {
        foreach (var analysis in programme.Analyses)
        {
            var areas = texts.List([.. analysis.Scope.Select(area => texts[$"RiskArea.{area}"] is { ResourceNotFound: false } known
                ? known.Value
                : texts.Format("RiskArea.other", area))]);
            yield return analysis.Risks.Count == 0
                ? texts.Format("Report.Risks.None", areas)
                : texts.Format("Report.Risks.Found", areas, texts.Plural("Report.RisksIdentified", analysis.Risks.Count));
        }
    }

    private static string Topic(IStringLocalizer texts, string category) =>
        texts[$"Topic.{category}"] is { ResourceNotFound: false } known ? known.Value : category.Replace('-', ' ');
}

[Tags(ApiTags.Statistics)]
public static class ReadNarrativeEndpoint
{
    public static ProblemDetails Validate(StatisticsQuery query) => query.Check();

    /// <summary>
    /// The period told as the compliance service reports it, in English, Russian or Kazakh (<c>lang</c>, else
    /// Accept-Language): appeals, meetings and decisions on them, execution, categories, corruption, monitoring,
    /// calls, procurement, the disciplinary commission, sanctions, ethics and the risk analysis.
    /// </summary>
    [WolverineGet("/api/statistics/narrative", OperationId = "ReadNarrative")]
    [EndpointSummary("A period told as text")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    [Localized]
    public static async Task<IResult> Get([FromQuery] StatisticsQuery query, IQuerySession session, IOptions<OrganisationSettings> organisations,
        IStringLocalizer<Reports> texts, RequestTime time, HttpResponse response, ProjectionWait wait, CancellationToken ct)
    {
        var data = await StatisticsData.LoadAsync(session, wait, query.FirstMonth, query.LastMonth, ct);
        var programme = await ProgrammeFigures.LoadAsync(session, data.FirstMonth, data.End, ct);
        Languages.Answered(response);
        return Results.Text(NarrativeReport.Of(texts, organisations.Value.NameOf(session.TenantId, System.Globalization.CultureInfo.CurrentUICulture),
            data, programme, time.Today), "text/plain; charset=utf-8");
    }
}
