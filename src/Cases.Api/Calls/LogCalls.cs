using System.Text.Json;
using Cases.Domain.Calls;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Calls;

/// <summary>A logged day as its line's figures count it.</summary>
public sealed record CallDayLogged(Guid Id, string LineId, DateOnly Date, int Calls, int AboutCorruption);

[Tags(ApiTags.Calls)]
public static class LogCallsEndpoint
{
    /// <summary>
    /// Logs a line's calls of one day in one event, from JSON or from a telephony export's CSV (<c>text/csv</c>).
    /// The same calls sent again answer 200 with the day as logged; other calls for a logged day are refused.
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

        var (text, csv, refused) = await CallsBody.ReadAsync(request, ct);
        if (refused is not null) return refused;
        var errors = new FieldErrors();
        var calls = Read(text, csv, json.Value.SerializerOptions, errors);
        if (errors.Any || calls is null) return Results.Problem(errors.ToProblem());

        if (await session.LoadAsync<CallLine>(StreamIds.CallLine(session.TenantId, line), ct) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Line {line} was not found.");
        }

        var dayId = StreamIds.CallDay(session.TenantId, line, date);
        var existing = (await session.Events.FetchStreamAsync(dayId, token: ct)).Select(e => e.Data).OfType<CallsLogged>().FirstOrDefault();
        var record = CallsBody.Record(line, date, calls);
        if (existing is not null && LogCallsDecision.Check(record, existing) is { } violation) return Results.Problem(Problems.Rule(violation));
        if (LogCallsDecision.Decide(record, existing) is not { } logged) return Results.Ok(Answer(dayId, existing!));
        // A twin import racing this one starts the same stream, and the second start fails.
        session.Events.StartStream(dayId, logged);
        return Results.Json(Answer(dayId, logged), statusCode: StatusCodes.Status201Created);
    }

    internal static CallDayLogged Answer(Guid id, CallsLogged e) => new(id, e.LineId, e.Date, e.Count, e.AboutCorruption);

    private static List<ParsedCall>? Read(string text, bool csv, JsonSerializerOptions options, FieldErrors errors)
    {
        if (csv) return CallsCsv.Parse(text, errors);
        var body = CallsBody.Deserialize<LogCalls>(text, options, errors);
        return errors.Any ? null : CallsBody.Calls(body?.Calls, "calls", errors);
    }
}
