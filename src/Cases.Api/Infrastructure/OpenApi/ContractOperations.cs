using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Infrastructure.OpenApi;

/// <summary>
/// Completes each operation with what the pipeline around the endpoint does: the statuses that authentication,
/// the body checks, the rate limiter, the idempotency store and an unreachable database add, every error as a
/// ProblemDetails, the headers the middleware reads and writes, the query names as the JSON options spell fields,
/// and text bodies (CSV, NDJSON, SVG, plain text) as strings.
/// </summary>
internal sealed class ContractOperations(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if ((description.ActionDescriptor as WolverineActionDescriptor)?.Chain is not { } chain) return;

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // An endpoint that reads its body itself (the call-log imports, JSON or CSV) declares how much it takes.
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body)
            || metadata.OfType<IRequestSizeLimitMetadata>().Any();
        var hasPath = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        bool Runs(Type middleware) => chain.Middleware.OfType<MethodCall>().Any(m => m.HandlerType == middleware);
        var idempotent = !anonymous && Runs(typeof(Idempotency));

        // Wolverine names an operation after its route when the endpoint gives no summary; that is no description.
        if (operation.Description == chain.ToString()) operation.Description = null;
        if (operation.Summary == chain.ToString()) operation.Summary = null;
        operation.Security = anonymous ? [] : null;

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name)
            {
                parameter.Name = _options.PropertyNamingPolicy?.ConvertName(name) ?? name;
            }
        }

        var headers = new List<OpenApiParameter>();
        if (idempotent)
        {
            headers.Add(Header(Idempotency.Header,
                "Makes the request safe to send again: a request repeated with its key gets the first response back " +
                "and records nothing twice. Unique per organisation; a UUID will do.",
                maxLength: Idempotency.MaxKeyLength, pattern: "^[!-~]+$"));
            headers.Add(Header(Idempotency.PreferHeader,
                "`wait=<seconds>` (RFC 7240): how long a retry may wait for its twin with the same Idempotency-Key still " +
                "being recorded before it is answered 409 `idempotency-key-in-flight`; at most the service's own wait."));
        }
        if (Runs(typeof(EventMetadata)))
        {
            headers.Add(Header(EventMetadata.CorrelationHeader,
                "Correlation id recorded on every event this request appends (the request's trace id when absent).",
                maxLength: EventMetadata.MaxCorrelationLength));
            headers.Add(Header(EventMetadata.ReasonHeader,
                $"Why the change is made, recorded on every event: percent-encoded UTF-8, at most {EventMetadata.MaxReasonLength} characters once decoded."));
        }
        var localized = metadata.OfType<Localization.LocalizedAttribute>().Any();
        if (localized) headers.Add(Header("Accept-Language", Localization.LocalizedAttribute.AcceptLanguageDescription));
        foreach (var header in metadata.OfType<RequestHeaderAttribute>())
        {
            headers.Add(Header(header.Name, header.Description, header.Required));
        }
        if (headers.Count > 0)
        {
            operation.Parameters ??= [];
            foreach (var header in headers) operation.Parameters.Add(header);
        }

        var responses = operation.Responses ??= new OpenApiResponses();
        await DescribeSuccessAsync(responses, chain, idempotent, localized, context, cancellationToken);

        // The refusals the endpoint declares itself, then those of the pipeline around it. Wolverine's own guesses (a
        // 400 for any endpoint with middleware, a 404 for any that returns a body) give way to these.
        var statuses = new SortedSet<int>(Declared(chain).Select(a => a.StatusCode).Where(s => s >= 400));
        // Any request may carry a query string, and one the endpoint does not take is refused.
        statuses.Add(StatusCodes.Status400BadRequest);
        if (!anonymous)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
        }
        // Every path value names a record, and one that cannot be parsed routes nowhere.
        if (hasPath) statuses.Add(StatusCodes.Status404NotFound);
        if (idempotent) statuses.Add(StatusCodes.Status409Conflict);
        if (hasBody)
        {
            statuses.Add(StatusCodes.Status406NotAcceptable);
            statuses.Add(StatusCodes.Status408RequestTimeout);
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) statuses.Add(StatusCodes.Status429TooManyRequests);
        statuses.Add(StatusCodes.Status503ServiceUnavailable);

        foreach (var key in responses.Keys.Where(k => int.Parse(k) >= 400).ToList()) responses.Remove(key);
        foreach (var status in statuses)
        {
            responses[status.ToString()] = new OpenApiResponseReference(ProblemResponses.For(status, anonymous, idempotent), context.Document);
        }
        operation.Responses = Sorted(responses);
    }

    /// <summary>
    /// The success answers: those the endpoint declares itself (<c>[ProducesResponseType]</c>) replace what Wolverine
    /// infers from a method returning <see cref="IResult"/> or writing its own body; text bodies are strings.
    /// </summary>
    private static async Task DescribeSuccessAsync(OpenApiResponses responses, HttpChain chain, bool idempotent, bool localized,
        OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var declared = Declared(chain).Select(a => a.StatusCode.ToString()).Where(IsSuccess).ToHashSet();
        if (declared.Count > 0)
        {
            foreach (var key in responses.Keys.Where(k => IsSuccess(k) && !declared.Contains(k)).ToList()) responses.Remove(key);
        }

        foreach (var (status, response) in responses.Where(r => IsSuccess(r.Key)).ToList())
        {
            if (response is not OpenApiResponse answer) continue;
            var itemType = Declared(chain).FirstOrDefault(a => a.StatusCode.ToString() == status)?.Type;
            foreach (var (mediaType, content) in answer.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (IsJson(mediaType)) continue;
                content.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                if (mediaType == "application/x-ndjson" && itemType is not null && itemType != typeof(string))
                {
                    content.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    content.Extensions[ApiContract.ItemSchemaExtension] = new JsonNodeExtension(new JsonObject
                    {
                        ["$ref"] = $"#/components/schemas/{await ComponentAsync(itemType, context, ct)}"
                    });
                }
            }
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status == "201" && chain.ResourceType?.IsAssignableTo(typeof(CreationResponse)) == true)
            {
                answer.Headers["Location"] = ResponseHeader("Where the new record is read.", required: true);
            }
            if (idempotent)
            {
                answer.Headers[Idempotency.ReplayedHeader] = ResponseHeader(
                    "`true` when this is the response kept for an earlier request with the same Idempotency-Key; nothing was recorded again.",
                    required: false, values: ["true"]);
            }
            if (localized)
            {
                answer.Headers["Content-Language"] = ResponseHeader("The language the answer is written in.", required: true, values: ["en", "ru", "kk"]);
                answer.Headers["Vary"] = ResponseHeader("`Accept-Language`: the answer depends on the language asked for.", required: true);
            }
            if (answer.Headers.Count == 0) answer.Headers = null;
        }
    }

    private static IEnumerable<ProducesResponseTypeAttribute> Declared(HttpChain chain) =>
        chain.Method.Method.GetCustomAttributes(typeof(ProducesResponseTypeAttribute), false).Cast<ProducesResponseTypeAttribute>();

    /// <summary>The component of a type only named in an extension, which ASP.NET Core would not register by itself.</summary>
    private static async Task<string> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = type.Name;
        if (context.Document?.Components?.Schemas?.ContainsKey(id) != true)
        {
            context.Document!.AddComponent<IOpenApiSchema>(id, await context.GetOrCreateSchemaAsync(type, cancellationToken: ct));
        }
        return id;
    }

    internal static OpenApiHeader ResponseHeader(string description, bool required, string[]? values = null) => new()
    {
        Description = description,
        Required = required,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values?.Select(v => (JsonNode)v).ToList() }
    };

    private static OpenApiParameter Header(string name, string description, bool required = false, int? maxLength = null, string? pattern = null) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Required = required,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength, Pattern = pattern }
    };

    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal)) sorted[status] = response;
        return sorted;
    }

    private static bool IsSuccess(string status) => status.StartsWith('2');

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
