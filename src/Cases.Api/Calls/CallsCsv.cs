using System.Globalization;
using System.Text;
using Cases.Domain.Calls;

namespace Cases.Api.Calls;

/// <summary>
/// A day's calls as a telephony export gives them: a header row naming the columns (any order, any case)
/// <c>time</c> (HH:mm or HH:mm:ss), <c>duration</c> (seconds), <c>topic</c> and optionally <c>about_corruption</c>
/// (true/false, yes/no, 1/0; false when absent), then one call a row, fields quoted as RFC 4180 quotes them.
/// A month's export has one more column, <c>date</c> (yyyy-MM-dd), the day of each call.
/// </summary>
public static class CallsCsv
{
    public static readonly string[] Columns = ["time", "duration", "topic", "about_corruption"];

    public const string DateColumn = "date";

    /// <summary>A day's calls, or the errors, each under <c>line N</c> (the header is line 1).</summary>
    public static List<ParsedCall> Parse(string text, FieldErrors errors) =>
        Read(text, LogCallsDecision.MaxCallsPerDay, null, errors).Select(r => r.Call).ToList();

    /// <summary>
    /// A month's calls grouped by day, in order of date, or the errors: a row's date that <paramref name="dateProblem"/>
    /// refuses is named by its line, a day with more calls than a day may have by its date.
    /// </summary>
    public static List<(DateOnly Date, List<ParsedCall> Calls)> ParseMonth(string text, Func<DateOnly, string?> dateProblem, FieldErrors errors)
    {
        var days = Read(text, LogMonthCallsDecision.MaxDays * LogCallsDecision.MaxCallsPerDay, dateProblem, errors)
            .GroupBy(r => r.Date!.Value, r => r.Call).OrderBy(d => d.Key).Select(d => (d.Key, d.ToList())).ToList();
        foreach (var (date, calls) in days.Where(d => d.Item2.Count > LogCallsDecision.MaxCallsPerDay))
        {
            errors.Add("calls", $"At most {LogCallsDecision.MaxCallsPerDay} calls a day; {date:yyyy-MM-dd} has {calls.Count}.");
        }
        return days;
    }

    /// <summary>The rows' calls, each with its date when the export is dated (<paramref name="dateProblem"/> given).</summary>
    private static List<(DateOnly? Date, ParsedCall Call)> Read(string text, int maxCalls, Func<DateOnly, string?>? dateProblem, FieldErrors errors)
    {
        var calls = new List<(DateOnly?, ParsedCall)>();
        var rows = Rows(text).ToList();
        string[] columns = dateProblem is null ? Columns : [DateColumn, .. Columns];
        var required = columns[..^1];
        if (rows.Count == 0)
        {
            errors.Add("line 1", $"A header row is required: {string.Join(",", columns)}.");
            return calls;
        }

        var (headerLine, header) = rows[0];
        var index = columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        foreach (var missing in required.Where(c => index[c] < 0))
        {
            errors.Add($"line {headerLine}", $"Column {missing} is missing.");
        }
        if (errors.Any) return calls;
        if (rows.Count - 1 > maxCalls)
        {
            errors.Add("calls", dateProblem is null ? $"At most {maxCalls} calls a day." : $"At most {maxCalls} calls a month.");
            return calls;
        }

        foreach (var (line, fields) in rows.Skip(1))
        {
            var field = $"line {line}";
            string? Cell(string column) => index[column] is >= 0 and var i && i < fields.Length ? fields[i].Trim() : null;
            if (fields.Length != header.Length)
            {
                errors.Add(field, $"Expected {header.Length} fields, found {fields.Length}.");
                continue;
            }
            DateOnly? date = null;
            var dateOk = dateProblem is null;
            if (dateProblem is not null)
            {
                date = DateOnly.TryParseExact(Cell(DateColumn), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
                var problem = date is { } d ? dateProblem(d) : "yyyy-MM-dd.";
                errors.When(problem is not null, field, $"date: {problem}");
                dateOk = problem is null;
            }
            var at = CallTimes.Parse(Cell("time"));
            var durationOk = int.TryParse(Cell("duration"), NumberStyles.None, CultureInfo.InvariantCulture, out var duration) && duration <= CallTimes.MaxDuration;
            var topic = Cell("topic");
            var corruption = Cell("about_corruption")?.ToLowerInvariant() switch
            {
                null or "" or "false" or "no" or "0" => false,
                "true" or "yes" or "1" => true,
                _ => (bool?)null
            };
            errors.When(at is null, field, "time: HH:mm or HH:mm:ss.")
                .When(!durationOk, field, $"duration: whole seconds, 0 to {CallTimes.MaxDuration}.")
                .When(string.IsNullOrWhiteSpace(topic) || topic.Length > FieldErrors.ShortText, field, $"topic: required, at most {FieldErrors.ShortText} characters.")
                .When(corruption is null, field, "about_corruption: true or false.");
            if (dateOk && at is { } time && durationOk && corruption is { } about && !string.IsNullOrWhiteSpace(topic) && topic.Length <= FieldErrors.ShortText)
            {
                calls.Add((date, new ParsedCall(time, duration, topic, about)));
            }
        }
        return calls;
    }

    /// <summary>The rows and the line each starts on; a quoted field may span lines. Blank lines are skipped.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(field.ToString()); yield return (rowLine, fields.ToArray()); }
                    fields.Clear(); field.Clear(); any = false; line++; rowLine = line;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); yield return (rowLine, fields.ToArray()); }
    }
}

public sealed record ParsedCall(TimeOnly At, int Duration, string Topic, bool AboutCorruption);

public static class CallTimes
{
    public const int MaxDuration = 86_400;

    public static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
