using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Cases.Api.WebConsole;

/// <summary>
/// The console's way to the API: each page reads and writes by sending the API's own request through the service's
/// own pipeline, inside the process, as the signed-in user. Validation, business rules, roles, tenancy, idempotency
/// and audit metadata are therefore the API's, decided once; the console only shows their answers.
/// </summary>
public sealed class ConsoleApi(IHttpContextFactory contexts, IServiceScopeFactory scopes, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private RequestDelegate? _pipeline;

    public JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>The API's JSON, read leniently: the console takes what it shows from an answer, which may say more.</summary>
    private readonly JsonSerializerOptions _reading = new(json.Value.SerializerOptions)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip
    };

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="pathAndQuery"/> (with <paramref name="body"/> as JSON, or as it is
    /// when it is <see cref="ApiContent"/>) as the user
    /// of <paramref name="outer"/>, in the reader's language, and answers what the API answered.
    /// </summary>
    public async Task<ApiAnswer> SendAsync(HttpContext outer, string method, string pathAndQuery, object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("The console's API pipeline is not built: call UseConsole() first.");
        var query = pathAndQuery.IndexOf('?');
        var request = new HttpRequestFeature
        {
            Method = method,
            Scheme = outer.Request.Scheme,
            Protocol = "HTTP/1.1",
            PathBase = "",
            // A request's path is held decoded, as the server hands it over: the callers' escaped segments are decoded here.
            Path = PathString.FromUriComponent(query < 0 ? pathAndQuery : pathAndQuery[..query]),
            QueryString = query < 0 ? "" : pathAndQuery[query..],
            Body = body switch
            {
                null => Stream.Null,
                ApiContent content => new MemoryStream(content.Bytes),
                _ => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(body, Json))
            }
        };
        request.Headers.Host = outer.Request.Host.Value;
        request.Headers.AcceptLanguage = CultureInfo.CurrentUICulture.Name;
        request.Headers.Accept = MediaTypeNames.Application.Json;
        if (body is not null)
        {
            request.Headers.ContentType = body is ApiContent { Type: var type } ? type : MediaTypeNames.Application.Json;
            request.Headers.ContentLength = request.Body.Length;
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers[name] = value;

        var responseBody = new MemoryStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = outer.RequestAborted });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = outer.Connection.RemoteIpAddress, LocalIpAddress = outer.Connection.LocalIpAddress
        });
        features.Set<IHttpMaxRequestBodySizeFeature>(new BodySizeLimit());
        features.Set(new ConsoleCall(outer.User));
        // The call's own scope, disposed with the call: the server would tie a scope of its making to callbacks of the
        // response, which a response kept in memory never runs.
        await using var scope = scopes.CreateAsyncScope();
        features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = scope.ServiceProvider });

        var context = contexts.Create(features);
        try
        {
            await pipeline(context);
            await context.Response.CompleteAsync();
            return new ApiAnswer(context.Response.StatusCode, new HeaderDictionary(context.Response.Headers.ToDictionary()), responseBody.ToArray(), _reading);
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    /// <summary>
    /// Where an endpoint's own size limit is written (a file's import): the body is in memory already, and an endpoint
    /// that takes more than JSON holds its limit itself.
    /// </summary>
    private sealed class BodySizeLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;
        public long? MaxRequestBodySize { get; set; }
    }

    public Task<ApiAnswer> GetAsync(HttpContext outer, string pathAndQuery) => SendAsync(outer, HttpMethods.Get, pathAndQuery);

    public Task<ApiAnswer> PostAsync(HttpContext outer, string path, object body) => SendAsync(outer, HttpMethods.Post, path, body);

    /// <summary>
    /// Builds the pipeline the console's calls go through: routing again, then every step of the service's own pipeline
    /// after the point this is called at (<paramref name="rest"/>), as the exception handler re-executes a request.
    /// </summary>
    internal void Build(IApplicationBuilder app, RequestDelegate rest)
    {
        const string globalRoutes = "__GlobalEndpointRouteBuilder";
        var branch = app.New();
        // A branch of a WebApplication routes in a world of its own unless given the application's endpoints.
        if (app.Properties.TryGetValue(globalRoutes, out var routes)) branch.Properties[globalRoutes] = routes;
        branch.UseRouting();
        branch.Run(rest);
        _pipeline = branch.Build();
    }
}

/// <summary>A body sent as it is, in its own type (a telephony export's CSV), where the API takes more than JSON.</summary>
public sealed record ApiContent(byte[] Bytes, string Type);

/// <summary>What the API answered a console call: its status, headers and body.</summary>
public sealed record ApiAnswer(int Status, IHeaderDictionary Headers, byte[] Body, JsonSerializerOptions Json)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, Json)
                          ?? throw new InvalidOperationException($"The API answered {Status} with no {typeof(T).Name}.");

    /// <summary>The refusal as the API wrote it (ProblemDetails with its field errors and rule), or null on success.</summary>
    public ApiProblem? Problem => Succeeded ? null
        : Body.Length > 0 && Headers.ContentType.ToString().Contains("json", StringComparison.OrdinalIgnoreCase)
            ? JsonSerializer.Deserialize<ApiProblem>(Body, Json) is { } problem ? problem with { Status = Status } : new ApiProblem(Status)
            : new ApiProblem(Status);
}

/// <summary>The API's ProblemDetails as the console reads it.</summary>
public sealed record ApiProblem(int Status, string? Title = null, string? Detail = null, string? Rule = null,
    Dictionary<string, string[]>? Errors = null);
