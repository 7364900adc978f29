using System.Text;
using System.Text.Json;
using Cases.Domain.Calls;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cases.Api.Calls;

/// <summary>
/// What the day and month imports share in reading their bodies: JSON or a telephony export's CSV, read by the
/// import itself (the body is one or the other), and the calls of a JSON list held to the same rules as a CSV row.
/// </summary>
public static class CallsBody
{
    public const string CsvContentType = "text/csv";

    /// <summary>A full day of the busiest line, quoted topics and all, with room to spare.</summary>
    public const long MaxDayBytes = 2 * 1024 * 1024;

    /// <summary>A month of the busiest line as the day import takes a day, with room to spare.</summary>
    public const long MaxMonthBytes = 40 * 1024 * 1024;

    /// <summary>
    /// The body's text and whether it is CSV, or the refusal: 415 for any other content type than JSON or CSV, 413 for
    /// a body over the endpoint's limit, held here as <see cref="JsonBodyValidation"/> holds JSON bodies, whatever
    /// server hosts the API.
    /// </summary>
    public static async Task<(string Text, bool Csv, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        var csv = contentType.StartsWith(CsvContentType, StringComparison.OrdinalIgnoreCase);
        if (!csv && contentType.Length > 0 && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ("", false, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The body is JSON or text/csv."));
        }
        var maxBytes = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? long.MaxValue;
        var tooLarge = Results.Problem(Problems.TooLarge(maxBytes));
        if (request.ContentLength > maxBytes) return ("", false, tooLarge);
        using var body = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > maxBytes) return ("", false, tooLarge);
            body.Write(buffer, 0, read);
        }
        return (Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), csv, null);
    }

    /// <summary>The JSON body, or null with the contract's field errors added.</summary>
    public static T? Deserialize<T>(string text, JsonSerializerOptions options, FieldErrors errors) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, options);
        }
        catch (JsonException refused)
        {
            foreach (var (field, messages) in JsonBodyErrors.Describe(Encoding.UTF8.GetBytes(text), typeof(T), options, refused))
            {
                foreach (var message in messages) errors.Add(field, message);
            }
            return null;
        }
    }

    /// <summary>A day's calls from JSON, each error under <paramref name="field"/>[i]; null when the list is missing or too long.</summary>
    public static List<ParsedCall>? Calls(IReadOnlyList<CallEntry>? entries, string field, FieldErrors errors)
    {
        if (entries is null)
        {
            errors.Add(field, "Required.");
            return null;
        }
        if (entries.Count > LogCallsDecision.MaxCallsPerDay)
        {
            errors.Add(field, $"At most {LogCallsDecision.MaxCallsPerDay} calls a day.");
            return null;
        }
        var calls = new List<ParsedCall>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                errors.Add($"{field}[{i}]", "Required.");
                continue;
            }
            var at = CallTimes.Parse(entry.At);
            errors.When(at is null, $"{field}[{i}].at", "HH:mm or HH:mm:ss.")
                .When(entry.DurationSeconds is < 0 or > CallTimes.MaxDuration, $"{field}[{i}].durationSeconds", $"Whole seconds, 0 to {CallTimes.MaxDuration}.")
                .Text($"{field}[{i}].topic", entry.Topic);
            if (at is { } time && entry.Topic is { } topic) calls.Add(new ParsedCall(time, entry.DurationSeconds, topic, entry.AboutCorruption));
        }
        return calls;
    }

    public static CallsLogged Record(string line, DateOnly date, IEnumerable<ParsedCall> calls) =>
        LogCallsDecision.Record(line, date, calls.Select(c => (c.At, c.Duration, c.Topic, c.AboutCorruption)).ToArray());
}

/// <summary>
/// The imports read their bodies themselves (JSON or CSV), so the document would show none: this gives each import
/// both content types, the JSON one with the request's schema and the CSV one as text with its columns.
/// </summary>
internal sealed class CallsRequestBody : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var (type, columns) = operation.OperationId switch
        {
            "LogCalls" or "CorrectCalls" => (typeof(LogCalls), CallsCsv.Columns),
            "LogMonthCalls" => (typeof(LogMonthCalls), [CallsCsv.DateColumn, .. CallsCsv.Columns]),
            _ => (null, [])
        };
        if (type is null) return;
        foreach (var month in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p is { Name: "month", In: ParameterLocation.Path }) ?? [])
        {
            month.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = LogMonthCallsEndpoint.MonthPattern };
        }
        var schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: ct);
        context.Document!.AddComponent<IOpenApiSchema>(type.Name, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"JSON, or `{CallsBody.CsvContentType}` with a header row naming the columns {string.Join(", ", columns)}.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(type.Name, context.Document) },
                [CallsBody.CsvContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }
            }
        };
    }
}
