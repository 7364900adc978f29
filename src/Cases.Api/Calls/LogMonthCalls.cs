using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cases.Domain.Calls;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Calls;

/// <summary>A month's import: the days it logged, the days logged already with the same calls, and their calls together.</summary>
public sealed record CallMonthLogged(string LineId, string Month, int Calls, int AboutCorruption,
    IReadOnlyList<CallDayLogged> DaysLogged, IReadOnlyList<CallDayLogged> DaysAlreadyLogged);

[Tags(ApiTags.Calls)]
public static partial class LogMonthCallsEndpoint
{
    /// <summary>
    /// Logs a line's calls of a month, day by day, in one transaction: each day's calls in one event on the day's own
    /// stream, as the day import logs them. A day logged already with the same calls is left as it is; a day logged
    /// with other calls refuses the whole month. 200 when every day was logged already.
    /// </summary>
    [WolverinePost("/api/call-lines/{line}/months/{month}/calls", OperationId = "LogMonthCalls")]
    [EndpointSummary("Log a line's calls of one month, day by day, as JSON or CSV")]
    [ProducesResponseType<CallMonthLogged>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<CallMonthLogged>(StatusCodes.Status200OK, "application/json")]
    [RequestSizeLimit(CallsBody.MaxMonthBytes)]
    [Authorize(Roles = Roles.Compliance)]
    public static async Task<IResult> Post(string line, string month, HttpRequest request, IDocumentSession session,
        [NotBody] RequestTime time, IOptions<JsonOptions> json, CancellationToken ct)
    {
        // A month not in its one form names nothing: 404, as for a malformed date of the day import.
        if (!MonthForm().IsMatch(month) || !DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Nothing is found at '{month}': a month is yyyy-MM.");
        }
        var monthErrors = new FieldErrors().When(first > time.Today, "month", $"Must not be after this month ({time.Today:yyyy-MM}).")
            .When(first.Year < 2000, "month", "Must be in 2000 or later.");
        if (monthErrors.Any) return Results.Problem(monthErrors.ToProblem());

        var (text, csv, refused) = await CallsBody.ReadAsync(request, ct);
        if (refused is not null) return refused;
        var last = first.AddMonths(1).AddDays(-1);
        string? DateProblem(DateOnly date) => date < first || date > last ? $"{date:yyyy-MM-dd} is not in {month}."
            : date > time.Today ? $"{date:yyyy-MM-dd} is after today ({time.Today:yyyy-MM-dd})." : null;
        var errors = new FieldErrors();
        var days = csv ? CallsCsv.ParseMonth(text, DateProblem, errors) : Read(text, DateProblem, json.Value.SerializerOptions, errors);
        if (!errors.Any && days.Count == 0) errors.Add("days", "At least one day.");
        if (errors.Any) return Results.Problem(errors.ToProblem());

        if (await LogCallsEndpoint.LineMissingAsync(line, session, ct) is { } missing) return missing;

        var records = days.Select(d => CallsBody.Record(line, d.Date, d.Calls)).ToArray();
        var ids = records.Select(r => StreamIds.CallDay(session.TenantId, line, r.Date)).ToArray();
        // The month's logged days in one round trip: a replayed month is compared without a read per day.
        var logged = (await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).ToListAsync(ct))
            .GroupBy(e => e.StreamId).Select(g => LoggedDay.Of(g.OrderBy(e => e.Version).Select(e => e.Data))).OfType<LoggedDay>()
            .ToDictionary(d => d.Calls.Date);
        var existing = logged.ToDictionary(d => d.Key, d => d.Value.Calls);
        if (LogMonthCallsDecision.Check(records, existing) is { } violation) return Results.Problem(Problems.Rule(violation));
        var decided = LogMonthCallsDecision.Decide(records, existing);
        // A twin import racing this one starts the same streams, and its transaction fails whole.
        foreach (var day in decided.ToLog) session.Events.StartStream(StreamIds.CallDay(session.TenantId, line, day.Date), day);

        CallDayLogged Answer(CallsLogged e) =>
            LogCallsEndpoint.Answer(StreamIds.CallDay(session.TenantId, line, e.Date), logged.GetValueOrDefault(e.Date) ?? new LoggedDay(e, 1));
        var all = decided.ToLog.Concat(decided.AlreadyLogged).ToArray();
        var answer = new CallMonthLogged(line, month, all.Sum(d => d.Count), all.Sum(d => d.AboutCorruption),
            decided.ToLog.Select(Answer).ToArray(), decided.AlreadyLogged.Select(Answer).ToArray());
        return decided.ToLog.Count == 0 ? Results.Ok(answer) : Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    private static List<(DateOnly Date, List<ParsedCall> Calls)> Read(string text, Func<DateOnly, string?> dateProblem, JsonSerializerOptions options, FieldErrors errors)
    {
        var days = new List<(DateOnly, List<ParsedCall>)>();
        var body = CallsBody.Deserialize<LogMonthCalls>(text, options, errors);
        if (errors.Any) return days;
        if (body?.Days is not { } entries)
        {
            errors.Add("days", "Required.");
            return days;
        }
        if (entries.Count > LogMonthCallsDecision.MaxDays)
        {
            errors.Add("days", $"At most {LogMonthCallsDecision.MaxDays} days.");
            return days;
        }
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } day)
            {
                errors.Add($"days[{i}]", "Required.");
                continue;
            }
            if (dateProblem(day.Date) is { } problem) errors.Add($"days[{i}].date", problem);
            errors.When(!seen.Add(day.Date), $"days[{i}].date", "Given more than once.");
            if (CallsBody.Calls(day.Calls, $"days[{i}].calls", errors) is { } calls) days.Add((day.Date, calls));
        }
        return days.OrderBy(d => d.Item1).ToList();
    }

    /// <summary>A month as the route takes it, and as the document describes it.</summary>
    public const string MonthPattern = @"^\d{4}-(0[1-9]|1[0-2])$";

    [GeneratedRegex(MonthPattern, RegexOptions.CultureInvariant)]
    private static partial Regex MonthForm();
}
