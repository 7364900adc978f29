using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Infrastructure;

/// <summary>Request size limits, from configuration section <c>Limits</c>.</summary>
public sealed class RequestLimits
{
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
    public int MaxRequestHeadersTotalBytes { get; set; } = 16 * 1024;
    public int MaxRequestHeaderCount { get; set; } = 50;
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}

/// <summary>
/// Reads a JSON request body once before the endpoint does: a body over the configured size is 413 whatever server
/// hosts the API, and a body that does not fit the request type is 400 with an error per field (Wolverine's own
/// reader reports only the parser's message).
/// </summary>
public sealed partial class JsonBodyValidation(RequestDelegate next, IOptions<JsonOptions> json, IOptions<RequestLimits> limits)
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;
    private readonly long _maxBytes = limits.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || !HasBody(context.Request) || !IsJson(context.Request.ContentType))
        {
            await next(context);
            return;
        }

        // An endpoint may hold its body to a smaller limit of its own (the public channel's).
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _maxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            await TooLarge(context, maxBytes);
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBytes);
        Dictionary<string, string[]>? errors;
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, requestType, _options, context.RequestAborted);
            errors = body is null ? new() { ["$"] = ["A JSON object is required."] } : null;
        }
        catch (JsonException e)
        {
            errors = Describe(e, requestType);
        }
        catch (IOException) when (context.Request.Body.Position >= maxBytes)
        {
            await TooLarge(context, maxBytes);
            return;
        }

        if (errors is not null)
        {
            await Results.Problem(Problems.Invalid(errors)).ExecuteAsync(context);
            return;
        }

        context.Request.Body.Position = 0;
        await next(context);
    }

    private static Task TooLarge(HttpContext context, long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"A request body may hold at most {maxBytes} bytes.").ExecuteAsync(context);

    private static bool HasBody(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    /// <summary>Wolverine reads a body without a content type as JSON, so it is checked as JSON too.</summary>
    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns the serializer's message into field errors that name no .NET type.</summary>
    private static Dictionary<string, string[]> Describe(JsonException e, Type requestType)
    {
        var message = e.Message;
        var field = e.Path is { Length: > 2 } path ? path[2..] : null;
        var quoted = QuotedName().Matches(message).Select(m => JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)).ToArray();

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return quoted.Where(n => !n.Contains('.')).Distinct()
                .ToDictionary(n => field is null ? n : $"{field}.{n}", _ => new[] { "Required." });
        }
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return new() { [field ?? quoted.FirstOrDefault() ?? "$"] = ["Not a known field."] };
        }
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return new() { [field ?? "$"] = ["A field is given more than once."] };
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && field is not null)
        {
            return new() { [field] = ["Must not be null."] };
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal) && field is not null)
        {
            return new() { [field] = [InvalidValue(TypeAt(requestType, field))] };
        }
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return new() { ["$"] = ["The JSON is nested too deeply."] };
        }
        return new() { [field ?? "$"] = [$"Malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."] };
    }

    private static string InvalidValue(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => KebabEnum.Expected(type),
            _ when type == typeof(DateOnly) => "Not a valid date; expected yyyy-MM-dd.",
            _ when type == typeof(Guid) => "Not a valid id.",
            _ when type == typeof(bool) => "Expected true or false.",
            _ when type == typeof(int) || type == typeof(long) => "Expected a whole number in range.",
            _ when type == typeof(string) => "Expected a string.",
            _ when type is not null && typeof(IEnumerable).IsAssignableFrom(type) => "Expected an array.",
            _ => "Not a valid value."
        };
    }

    /// <summary>Follows a JSON path such as <c>subjects[0]</c> or <c>complainant.name</c> through the request type.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? current = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (current is null) return null;
            if (segment.Groups["index"].Success)
            {
                current = current.IsArray ? current.GetElementType()
                    : current.GetInterfaces().Append(current)
                        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                        ?.GetGenericArguments()[0];
                continue;
            }
            current = (Nullable.GetUnderlyingType(current) ?? current).GetProperty(segment.Groups["name"].Value,
                BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }
        return current;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
