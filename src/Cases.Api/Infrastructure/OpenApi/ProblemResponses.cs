using Microsoft.OpenApi;

namespace Cases.Api.Infrastructure.OpenApi;

/// <summary>
/// The refusals, each a reusable response of the document (<c>#/components/responses/...</c>): a ProblemDetails,
/// with the headers that come with it.
/// </summary>
internal static class ProblemResponses
{
    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string PublicNotFound = "PublicNotFound";
    public const string NotAcceptable = "NotAcceptable";
    public const string Conflict = "Conflict";
    public const string RuleConflict = "RuleConflict";
    public const string RequestTimeout = "RequestTimeout";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyRequests = "TooManyRequests";
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>The response an operation answers <paramref name="status"/> with.</summary>
    public static string For(int status, bool anonymous, bool idempotent) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => anonymous ? PublicNotFound : NotFound,
        406 => NotAcceptable,
        409 => idempotent ? Conflict : RuleConflict,
        408 => RequestTimeout,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        503 => ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No refusal of the API answers this status.")
    };

    public static OpenApiResponse Build(string name, OpenApiDocument document) => name switch
    {
        BadRequest => Problem(document, "The request is not valid: `errors` names each field (of the body, query, path or headers) and what is wrong with it.",
            ApiContract.ValidationProblemSchema),
        Unauthorized => Problem(document, "No token, or an expired, forged or foreign one.", headers: new()
        {
            ["WWW-Authenticate"] = ContractOperations.ResponseHeader("The bearer challenge, with the reason a token was refused.", required: true)
        }),
        Forbidden => Problem(document, "The token's roles may not do this, or the token names no organisation."),
        NotFound => Problem(document, "No such record in the organisation (another organisation's records are as unknown), or a path value that names none."),
        PublicNotFound => Problem(document, "No organisation of that name takes reports here, or no report has that receipt code."),
        NotAcceptable => Problem(document, "The Accept header rules out JSON."),
        Conflict => Problem(document,
            "A business rule refuses it (`rule` names it, `type` is `urn:cases:rule:<rule>`), the expected version is stale " +
            "(`stale-version`), or the Idempotency-Key was used for another request (`idempotency-key-reused`) or is still " +
            "being recorded (`idempotency-key-in-flight`, with Retry-After). Nothing was recorded.",
            headers: new() { ["Retry-After"] = RetryAfter(required: false) }),
        RuleConflict => Problem(document, "A business rule refuses it (`rule` names it, `type` is `urn:cases:rule:<rule>`). Nothing was recorded."),
        RequestTimeout => Problem(document, "The body did not arrive in time (shorter than its Content-Length, or sent too slowly)."),
        PayloadTooLarge => Problem(document, "The body is larger than the service takes."),
        UnsupportedMediaType => Problem(document, "The body is not JSON."),
        TooManyRequests => Problem(document,
            "Too many requests from this address, or too many open anonymous reports in the hour (`rule: anonymous-reports-per-hour`). " +
            "Retry after the time given.",
            headers: new() { ["Retry-After"] = RetryAfter(required: true) }),
        ServiceUnavailable => Problem(document,
            "The event store cannot be reached just now. Retry after the time given, with the same Idempotency-Key: " +
            "a write cut off as it committed may have been recorded.",
            headers: new() { ["Retry-After"] = RetryAfter(required: true) }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such refusal.")
    };

    private static OpenApiResponse Problem(OpenApiDocument document, string description, string schema = ApiContract.ProblemSchema,
        Dictionary<string, IOpenApiHeader>? headers = null) => new()
    {
        Description = description,
        Headers = headers,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ApiContract.ProblemContentType] = new() { Schema = new OpenApiSchemaReference(schema, document) }
        }
    };

    private static OpenApiHeader RetryAfter(bool required) => new()
    {
        Description = "Seconds to wait before sending the request again.",
        Required = required,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" }
    };
}
