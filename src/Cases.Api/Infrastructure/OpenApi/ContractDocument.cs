using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cases.Api.Infrastructure.OpenApi;

/// <summary>
/// The document as a whole: its title, no server baked in (clients call the host they were given), bearer tokens
/// required unless an operation says otherwise, the ProblemDetails every error is, the tags in domain order, every
/// property a response always carries required, and no schema left that nothing uses.
/// </summary>
internal sealed class ContractDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cases API",
            Version = ApiContract.DocumentName,
            Description = "Disciplinary and ethics cases, commissions and their decisions, sanctions, the audit trail and the public " +
                          "reporting channel of an organisation. Every error is a ProblemDetails (RFC 9457); every write takes an " +
                          "Idempotency-Key."
        };
        document.Servers = [];

        var components = document.Components ??= new OpenApiComponents();
        components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiContract.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT whose claims name the organisation (`org`) and the roles (`role`) of its user."
            }
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiContract.BearerScheme, document)] = [] }
        ];

        var schemas = components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[ApiContract.ProblemSchema] = ProblemDetails();
        schemas[ApiContract.ValidationProblemSchema] = new OpenApiSchema
        {
            Description = "A ProblemDetails that names what is wrong with each field.",
            AllOf = [new OpenApiSchemaReference(ApiContract.ProblemSchema, document), new OpenApiSchema { Required = new HashSet<string> { "errors" } }]
        };

        // In a fixed order, so that the committed contract changes only when the API does.
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal)) paths[path] = item;
        document.Paths = paths;

        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToList();
        var used = operations.SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Reference.Id).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Where(t => used.Contains(t.Name))
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        components.Responses = new SortedDictionary<string, IOpenApiResponse>(operations
            .SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).OfType<OpenApiResponseReference>()
            .Select(r => r.Reference.Id!).Distinct()
            .ToDictionary(name => name, IOpenApiResponse (name) => ProblemResponses.Build(name, document)), StringComparer.Ordinal);

        RequireWhatResponsesAlwaysCarry(operations, schemas);
        var reachable = Reachable(operations.SelectMany(Roots), schemas);
        foreach (var unused in schemas.Keys.Where(k => !reachable.Contains(k)).ToList()) schemas.Remove(unused);
        components.Schemas = new SortedDictionary<string, IOpenApiSchema>(schemas, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Why a request was refused (RFC 9457). More members may follow.",
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("What kind of problem: `urn:cases:rule:<rule>` for a broken business rule, else a link to the status' definition."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What happened with this request."),
            ["instance"] = Text("The request it concerns."),
            ["rule"] = Text("The business rule that refused the request, e.g. `case-closed` or `stale-version`."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "What is wrong with each field, by its name (`$` for the body as a whole).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
            },
            ["traceId"] = Text("The request's trace id, to find it in the service's logs and traces.")
        }
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>
    /// The service writes every property of its answers, null or not, so each is required in a schema only answers use;
    /// a schema requests use too keeps the serializer's own requirements, which are those a client must send.
    /// </summary>
    private static void RequireWhatResponsesAlwaysCarry(IReadOnlyList<OpenApiOperation> operations, IDictionary<string, IOpenApiSchema> schemas)
    {
        var answered = Reachable(operations.SelectMany(o => (o.Responses ?? new OpenApiResponses())
            .Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>().SelectMany(r => MediaSchemas(r.Content))), schemas);
        var sent = Reachable(operations.SelectMany(RequestSchemas), schemas);
        foreach (var id in answered.Except(sent))
        {
            if (schemas[id] is OpenApiSchema { Properties.Count: > 0 } schema
                && schema.Metadata is { } notes && notes.TryGetValue(ContractSchemas.AlwaysWritten, out var noted) && noted is string[] written)
            {
                schema.Required = new SortedSet<string>(written.Where(schema.Properties.ContainsKey), StringComparer.Ordinal);
            }
        }
    }

    private static IEnumerable<IOpenApiSchema> Roots(OpenApiOperation operation) =>
        RequestSchemas(operation).Concat((operation.Responses ?? new OpenApiResponses()).Values.OfType<OpenApiResponse>().SelectMany(r => MediaSchemas(r.Content)))
            .Append(new OpenApiSchemaReference(ApiContract.ValidationProblemSchema));

    private static IEnumerable<IOpenApiSchema> RequestSchemas(OpenApiOperation operation) =>
        (operation.Parameters ?? []).Select(p => p.Schema).Concat(MediaSchemas(operation.RequestBody?.Content)).OfType<IOpenApiSchema>();

    /// <summary>The schemas of the bodies, and of each line of an NDJSON body.</summary>
    private static IEnumerable<IOpenApiSchema> MediaSchemas(IDictionary<string, OpenApiMediaType>? content)
    {
        foreach (var media in content?.Values ?? [])
        {
            if (media.Schema is { } schema) yield return schema;
            if (media.Extensions is { } extensions && extensions.TryGetValue(ApiContract.ItemSchemaExtension, out var extension)
                && extension is JsonNodeExtension { Node: JsonObject item }
                && item["$ref"]?.GetValue<string>() is { } reference)
            {
                yield return new OpenApiSchemaReference(reference.Split('/')[^1]);
            }
        }
    }

    /// <summary>The components the given schemas use, directly or through others.</summary>
    private static HashSet<string> Reachable(IEnumerable<IOpenApiSchema> roots, IDictionary<string, IOpenApiSchema> schemas)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots);
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (found.Add(id) && schemas.TryGetValue(id, out var target)) pending.Push(target);
                continue;
            }
            foreach (var child in Children(schema)) pending.Push(child);
        }
        return found;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? [])
        .Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
        .Concat(new[] { schema.Items, schema.AdditionalProperties, schema.Not }.OfType<IOpenApiSchema>());
}
