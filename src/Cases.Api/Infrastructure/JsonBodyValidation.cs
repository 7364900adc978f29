using System.Text.Json;
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
/// hosts the API, and a body that does not fit the request type (<see cref="JsonContract"/>) is 400 with an error
/// per field (<see cref="JsonBodyErrors"/>; Wolverine's own reader reports only the parser's message).
/// </summary>
public sealed class JsonBodyValidation(RequestDelegate next, IOptions<JsonOptions> json, IOptions<RequestLimits> limits)
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
            try
            {
                var body = await JsonSerializer.DeserializeAsync(context.Request.Body, requestType, _options, context.RequestAborted);
                errors = body is null ? new() { ["$"] = [JsonBodyErrors.ObjectRequired] } : null;
            }
            catch (JsonException refused)
            {
                // The serializer stops at the first fault; the whole body, read again against the request type, names them all.
                context.Request.Body.Position = 0;
                using var copy = new MemoryStream();
                await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
                errors = JsonBodyErrors.Describe(copy.ToArray(), requestType, _options, refused);
            }
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

    private static Task TooLarge(HttpContext context, long maxBytes) => Results.Problem(Problems.TooLarge(maxBytes)).ExecuteAsync(context);

    private static bool HasBody(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    /// <summary>Wolverine reads a body without a content type as JSON, so it is checked as JSON too.</summary>
    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
