using System.Text.Json;
using Cases.Domain.Calls;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Calls;

/// <summary>A logged day as its line's figures count it, and the version of its stream, which a correction sends.</summary>
public sealed record CallDayLogged(Guid Id, string LineId, DateOnly Date, int Calls, int AboutCorruption, long Version);

[Tags(ApiTags.Calls)]
public static class LogCallsEndpoint
{
    /// <summary>
    /// Logs a line's calls of one day in one event, from JSON or from a telephony export's CSV (<c>text/csv</c>).
    /// The same calls sent again answer 200 with the day as it stands; other calls for a logged day are refused: a
    /// correction (<see cref="CorrectCallsEndpoint"/>) changes them.
    /// </summary>
    [WolverinePost("/api/call-lines/{line}/days/{date}/calls", OperationId = "LogCalls")]
    [EndpointSummary("Log a line's calls of one day, as JSON or CSV")]
    [ProducesResponseType<CallDayLogged>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<CallDayLogged>(StatusCodes.Status200OK, "application/json")]
    [RequestSizeLimit(CallsBody.MaxDayBytes)]
    [Authorize(Roles = Roles.Compliance)]
    public static async Task<IResult> Post(string line, DateOnly date, HttpRequest request, IDocumentSession session,
        [NotBody] RequestTime time, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var dateErrors = new FieldErrors().NotInFuture("date", date, time.Today).When(date.Year < 2000, "date", "Must be in 2000 or later.");
        if (dateErrors.Any) return Results.Problem(dateErrors.ToProblem());

        var errors = new FieldErrors();
        var (calls, refused) = await ReadAsync(request, json.Value.SerializerOptions, errors, ct);
        if (refused is not null) return refused;
        if (errors.Any || calls is null) return Results.Problem(errors.ToProblem());

        if (await LineMissingAsync(line, session, ct) is { } missing) return missing;

        var dayId = StreamIds.CallDay(session.TenantId, line, date);
        var day = await DayAsync(dayId, session, ct);
        var record = CallsBody.Record(line, date, calls);
        if (day is not null && LogCallsDecision.Check(record, day.Calls) is { } violation) return Results.Problem(Problems.Rule(violation));
        if (LogCallsDecision.Decide(record, day?.Calls) is not { } logged) return Results.Ok(Answer(dayId, day!));
        // A twin import racing this one starts the same stream, and the second start fails.
        session.Events.StartStream(dayId, logged);
        return Results.Json(Answer(dayId, new LoggedDay(logged, 1)), statusCode: StatusCodes.Status201Created);
    }

    internal static CallDayLogged Answer(Guid id, LoggedDay day) =>
        new(id, day.Calls.LineId, day.Calls.Date, day.Calls.Count, day.Calls.AboutCorruption, day.Version);

    /// <summary>404 for a line the organisation has not configured; null when it has.</summary>
    internal static async Task<IResult?> LineMissingAsync(string line, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CallLine>(StreamIds.CallLine(session.TenantId, line), ct) is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Line {line} was not found.")
            : null;

    /// <summary>The day's calls as they stand and its stream's version; null for a day never logged.</summary>
    internal static async Task<LoggedDay?> DayAsync(Guid dayId, IQuerySession session, CancellationToken ct) =>
        LoggedDay.Of((await session.Events.FetchStreamAsync(dayId, token: ct)).Select(e => e.Data));

    /// <summary>A day's calls from the body, JSON or CSV as the day import reads them; or the refusal of the body itself.</summary>
    internal static async Task<(List<ParsedCall>? Calls, IResult? Refused)> ReadAsync(HttpRequest request, JsonSerializerOptions options,
        FieldErrors errors, CancellationToken ct)
    {
        var (text, csv, refused) = await CallsBody.ReadAsync(request, ct);
        return refused is not null ? (null, refused) : (Read(text, csv, options, errors), null);
    }

    private static List<ParsedCall>? Read(string text, bool csv, JsonSerializerOptions options, FieldErrors errors)
    {
        if (csv) return CallsCsv.Parse(text, errors);
        var body = CallsBody.Deserialize<LogCalls>(text, options, errors);
        return errors.Any ? null : CallsBody.Calls(body?.Calls, "calls", errors);
    }
}
