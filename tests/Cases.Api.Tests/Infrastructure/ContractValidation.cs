using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Cases.Api.Infrastructure.OpenApi;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Holds the service to its OpenAPI document: every response a test host gives, to Alba's scenarios and to any
/// HttpClient alike, must be listed for its operation (status, content type, required headers), and its body must
/// match the documented schema. A response that does not fails the request with the reason, before the client sees it.
/// </summary>
public static class ContractValidation
{
    public static IServiceCollection AddContractValidation(this IServiceCollection services) =>
        services.AddSingleton<ContractValidator>().AddTransient<IStartupFilter, ContractValidationStartup>();

    private sealed class ContractValidationStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<ContractValidationMiddleware>();
            next(app);
        };
    }

    /// <summary>First of the pipeline: sees the final answer, whatever middleware produced it.</summary>
    private sealed class ContractValidationMiddleware(RequestDelegate next, ContractValidator validator)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var response = context.Features.Get<IHttpResponseFeature>()!;
            var body = context.Features.Get<IHttpResponseBodyFeature>()!;
            using var recorded = new RecordedResponse(response);
            context.Features.Set<IHttpResponseFeature>(recorded);
            context.Features.Set<IHttpResponseBodyFeature>(recorded);
            try
            {
                await next(context);
                await recorded.Writer.FlushAsync();
            }
            finally
            {
                context.Features.Set(response);
                context.Features.Set(body);
            }

            // The exception handler clears the endpoint before it answers; it keeps the one that failed.
            var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint;
            var written = recorded.Body.ToArray();
            if (endpoint is not null && await validator.CheckAsync(endpoint, context, written) is { } violation)
            {
                throw new ContractViolationException(violation);
            }
            await body.Stream.WriteAsync(written, context.RequestAborted);
        }
    }

    /// <summary>
    /// Holds the response back until it is checked, while it looks to the application as it would on the server: it
    /// has started once anything was written or flushed (Wolverine, for one, turns an unstarted empty 200 into a 204).
    /// </summary>
    private sealed class RecordedResponse(IHttpResponseFeature response) : Stream, IHttpResponseFeature, IHttpResponseBodyFeature
    {
        private bool _started;
        private PipeWriter? _writer;

        public MemoryStream Body { get; } = new();

        public int StatusCode { get => response.StatusCode; set => response.StatusCode = value; }
        public string? ReasonPhrase { get => response.ReasonPhrase; set => response.ReasonPhrase = value; }
        public IHeaderDictionary Headers { get => response.Headers; set => response.Headers = value; }
        Stream IHttpResponseFeature.Body { get => this; set => throw new NotSupportedException(); }
        public bool HasStarted => _started || response.HasStarted;
        public void OnStarting(Func<object, Task> callback, object state) => response.OnStarting(callback, state);
        public void OnCompleted(Func<object, Task> callback, object state) => response.OnCompleted(callback, state);

        public Stream Stream => this;
        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));
        public void DisableBuffering() { }
        public Task StartAsync(CancellationToken cancellationToken = default) => Start();
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);
        public async Task CompleteAsync() => await Writer.FlushAsync();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Body.Length;
        public override long Position { get => Body.Position; set => throw new NotSupportedException(); }
        public override void Flush() => _started = true;
        public override Task FlushAsync(CancellationToken cancellationToken) => Start();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _started = true;
            Body.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _started = true;
            return Body.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private Task Start()
        {
            _started = true;
            return Task.CompletedTask;
        }
    }
}

public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>
/// The live document of one host, read and compiled once (its schemas with JsonSchema.Net, as the JSON Schema 2020-12
/// dialect that OpenAPI 3.1 uses), and the check of one response against it.
/// </summary>
public sealed class ContractValidator(IServiceProvider services)
{
    private static readonly Uri BaseUri = new("https://cases.test/openapi/v1.json");
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly Lock _building = new();
    private Contract? _contract;

    private sealed record Operation(string Method, string Path, JsonElement Definition);

    private sealed record Contract(JsonElement Document, IReadOnlyDictionary<string, Operation> Operations, BuildOptions Build);

    /// <summary>The reason the response breaks the contract, or null when it keeps it.</summary>
    public async Task<string?> CheckAsync(Endpoint endpoint, HttpContext context, byte[] body)
    {
        if (endpoint.Metadata.GetMetadata<Wolverine.Http.HttpChain>() is not { } chain) return null;
        var contract = _contract ?? await LoadAsync();
        var method = context.Request.Method;
        if (!contract.Operations.TryGetValue(chain.OperationId, out var operation))
        {
            return $"{method} {chain.RoutePattern?.RawText}: operation {chain.OperationId} is not in the OpenAPI document.";
        }

        var status = context.Response.StatusCode;
        var at = $"{operation.Method} {operation.Path} answered {status}";
        if (!operation.Definition.GetProperty("responses").TryGetProperty(status.ToString(), out var response))
        {
            var listed = string.Join(", ", operation.Definition.GetProperty("responses").EnumerateObject().Select(r => r.Name));
            return $"{at}, which the document does not list for it (it lists {listed}). Body: {Excerpt(body)}";
        }
        var responsePointer = $"/paths/{Escape(operation.Path)}/{operation.Method.ToLowerInvariant()}/responses/{status}";
        if (response.TryGetProperty("$ref", out var reference))
        {
            responsePointer = reference.GetString()!.TrimStart('#');
            response = Resolve(contract.Document, responsePointer);
        }

        if (HeaderProblem(contract, response, responsePointer, context.Response.Headers) is { } headerProblem) return $"{at}: {headerProblem}";

        var contentType = context.Response.ContentType;
        var documented = response.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(c => c.Name).ToList() : [];
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        // No body is an empty text (an export of nothing), but never a JSON value.
        if (body.Length == 0 && (documented.Count == 0 || (mediaType is not null && !IsJson(mediaType) && documented.Contains(mediaType))))
        {
            return null;
        }
        if (body.Length == 0)
        {
            return $"{at} with no body, where the document gives it {string.Join(" or ", documented)}.";
        }
        if (mediaType is null || !documented.Contains(mediaType))
        {
            return $"{at} with a body of type '{contentType}', which the document does not give it " +
                   $"({(documented.Count == 0 ? "no body" : string.Join(", ", documented))}). Body: {Excerpt(body)}";
        }

        var mediaPointer = $"{responsePointer}/content/{Escape(mediaType)}";
        var media = content.GetProperty(mediaType);
        if (IsJson(mediaType))
        {
            return Invalid(contract, $"{mediaPointer}/schema", body) is { } error ? $"{at} with a {mediaType} body that breaks its schema: {error}" : null;
        }
        if (!Utf8(body)) return $"{at} with a {mediaType} body that is not UTF-8 text.";
        if (mediaType == "application/x-ndjson" && media.TryGetProperty(ApiContract.ItemSchemaExtension, out var item))
        {
            var itemPointer = item.GetProperty("$ref").GetString()!.TrimStart('#');
            var line = 0;
            foreach (var text in Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                line++;
                if (Invalid(contract, itemPointer, Encoding.UTF8.GetBytes(text)) is { } error)
                {
                    return $"{at} with an NDJSON body whose line {line} breaks {itemPointer}: {error}";
                }
            }
        }
        return null;
    }

    /// <summary>Every documented required header is there, and each documented header given matches its schema.</summary>
    private string? HeaderProblem(Contract contract, JsonElement response, string responsePointer, IHeaderDictionary headers)
    {
        if (!response.TryGetProperty("headers", out var documented)) return null;
        foreach (var header in documented.EnumerateObject())
        {
            if (!headers.TryGetValue(header.Name, out var value))
            {
                if (header.Value.TryGetProperty("required", out var required) && required.GetBoolean()) return $"the required header {header.Name} is missing.";
                continue;
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(value.ToString());
            if (Invalid(contract, $"{responsePointer}/headers/{Escape(header.Name)}/schema", json) is { } error)
            {
                return $"the header {header.Name}: {value} breaks its schema: {error}";
            }
        }
        return null;
    }

    private string? Invalid(Contract contract, string pointer, byte[] json)
    {
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message}). Body: {Excerpt(json)}";
        }
        var results = Schema(contract, pointer).Evaluate(instance, Evaluation);
        if (results.IsValid) return null;
        var errors = (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
            .Distinct().Take(8);
        return $"{string.Join("; ", errors)}. Body: {Excerpt(json)}";
    }

    /// <summary>A schema of the document, compiled once: a reference into the document, which JsonSchema.Net resolves.</summary>
    private JsonSchema Schema(Contract contract, string pointer) => _schemas.GetOrAdd(pointer, p =>
    {
        lock (_building)
        {
            var fragment = string.Join('/', p.Split('/').Select(Uri.EscapeDataString));
            return JsonSchema.FromText(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{BaseUri}#{fragment}" }), contract.Build);
        }
    });

    private async Task<Contract> LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            if (_contract is not null) return _contract;
            var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiContract.DocumentName);
            var text = await (await provider.GetOpenApiDocumentAsync()).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
            var document = JsonDocument.Parse(text).RootElement;

            var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
            {
                operations[method.Value.GetProperty("operationId").GetString()!] = new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value);
            }
            var registry = new SchemaRegistry();
            registry.Register(new JsonElementBaseDocument(document, BaseUri));
            return _contract = new Contract(document, operations, new BuildOptions { SchemaRegistry = registry });
        }
        finally
        {
            _loading.Release();
        }
    }

    private static JsonElement Resolve(JsonElement document, string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(document,
            (node, segment) => node.GetProperty(segment.Replace("~1", "/").Replace("~0", "~")));

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static bool Utf8(byte[] body)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600));
        return body.Length > 600 ? text + "…" : text;
    }
}
