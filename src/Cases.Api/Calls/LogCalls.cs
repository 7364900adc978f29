using System.Text;
using System.Text.Json;
using Cases.Domain.Calls;
using Marten;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Calls;

/// <summary>A logged day as its line's figures count it.</summary>
public sealed record CallDayLogged(Guid Id, string LineId, DateOnly Date, int Calls, int AboutCorruption);

[Tags(ApiTags.Calls)]
public static class LogCallsEndpoint
{
    /// <summary>A full day of the busiest line, quoted topics and all, with room to spare.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public const string CsvContentType = "text/csv";

    /// <summary>
    /// Logs a line's calls of one day in one event, from JSON or from a telephony export's CSV (<c>text/csv</c>).
    /// The same calls sent again answer 200 with the day as logged; other calls for a logged day are refused.
    /// </summary>
    [WolverinePost("/api/call-lines/{line}/days/{date}/calls", OperationId = "LogCalls")]
    [EndpointSummary("Log a line's calls of one day, as JSON or CSV")]
    [ProducesResponseType<CallDayLogged>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<CallDayLogged>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [RequestSizeLimit(MaxBodyBytes)]
    [Authorize(Roles = Roles.Compliance)]
    public static async Task<IResult> Post(string line, DateOnly date, HttpRequest request, IDocumentSession session,
        [NotBody] RequestTime time, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var dateErrors = new FieldErrors().NotInFuture("date", date, time.Today).When(date.Year < 2000, "date", "Must be in 2000 or later.");
        if (dateErrors.Any) return Results.Problem(dateErrors.ToProblem());

        var (calls, errors, unsupported) = await ReadAsync(request, json.Value.SerializerOptions, ct);
        if (unsupported) return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The body is JSON or text/csv.");
        if (errors.Any) return Results.Problem(errors.ToProblem());

        if (await session.LoadAsync<CallLine>(StreamIds.CallLine(session.TenantId, line), ct) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Line {line} was not found.");
        }

        var dayId = StreamIds.CallDay(session.TenantId, line, date);
        var existing = (await session.Events.FetchStreamAsync(dayId, token: ct)).Select(e => e.Data).OfType<CallsLogged>().FirstOrDefault();
        var record = LogCallsDecision.Record(line, date, calls.Select(c => (c.At, c.Duration, c.Topic, c.AboutCorruption)).ToArray());
        if (existing is not null && LogCallsDecision.Check(record, existing) is { } violation) return Results.Problem(Problems.Rule(violation));
        if (LogCallsDecision.Decide(record, existing) is not { } logged) return Results.Ok(Answer(dayId, existing!));
        // A twin import racing this one starts the same stream, and the second start fails.
        session.Events.StartStream(dayId, logged);
        return Results.Json(Answer(dayId, logged), statusCode: StatusCodes.Status201Created);
    }

    private static CallDayLogged Answer(Guid id, CallsLogged e) => new(id, e.LineId, e.Date, e.Count, e.AboutCorruption);

    private static async Task<(List<ParsedCall> Calls, FieldErrors Errors, bool Unsupported)> ReadAsync(HttpRequest request,
        JsonSerializerOptions options, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (contentType.StartsWith(CsvContentType, StringComparison.OrdinalIgnoreCase))
        {
            var (parsed, csvErrors) = CallsCsv.Parse(text, LogCallsDecision.MaxCallsPerDay);
            return (parsed, csvErrors, false);
        }
        if (contentType.Length > 0 && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return ([], new FieldErrors(), true);

        var errors = new FieldErrors();
        LogCalls? body;
        try
        {
            body = JsonSerializer.Deserialize<LogCalls>(text, options);
        }
        catch (JsonException refused)
        {
            foreach (var (field, messages) in JsonBodyErrors.Describe(Encoding.UTF8.GetBytes(text), typeof(LogCalls), options, refused))
            {
                foreach (var message in messages) errors.Add(field, message);
            }
            return ([], errors, false);
        }
        var entries = body?.Calls;
        if (entries is null) return ([], errors.Add("calls", "Required."), false);
        if (entries.Count > LogCallsDecision.MaxCallsPerDay) return ([], errors.Add("calls", $"At most {LogCallsDecision.MaxCallsPerDay} calls a day."), false);
        var calls = new List<ParsedCall>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = CallTimes.Parse(entry.At);
            errors.When(at is null, $"calls[{i}].at", "HH:mm or HH:mm:ss.")
                .When(entry.DurationSeconds is < 0 or > CallTimes.MaxDuration, $"calls[{i}].durationSeconds", $"Whole seconds, 0 to {CallTimes.MaxDuration}.")
                .Text($"calls[{i}].topic", entry.Topic);
            if (at is { } time && entry.Topic is { } topic) calls.Add(new ParsedCall(time, entry.DurationSeconds, topic, entry.AboutCorruption));
        }
        return (calls, errors, false);
    }
}

/// <summary>
/// The import reads its body itself (JSON or CSV), so the document would show none: this gives the operation both
/// content types, the JSON one with the request's schema and the CSV one as text.
/// </summary>
internal sealed class LogCallsRequestBody : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId != "LogCalls") return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(LogCalls), cancellationToken: ct);
        context.Document!.AddComponent<IOpenApiSchema>(nameof(LogCalls), schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"JSON, or `{LogCallsEndpoint.CsvContentType}` with a header row naming the columns {string.Join(", ", CallsCsv.Columns)}.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(LogCalls), context.Document) },
                [LogCallsEndpoint.CsvContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }
            }
        };
    }
}
