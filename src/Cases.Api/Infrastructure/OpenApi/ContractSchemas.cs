using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Infrastructure.OpenApi;

/// <summary>
/// Schemas as the API's JSON options write them. Enums are described by serializing each member with those options,
/// so the document lists exactly the values on the wire (with their type, so generators send text, not numbers), and
/// a nullable enum says its nullability where it is used, never in the shared enum. Objects note which properties the
/// serializer always writes, for <see cref="ContractDocument"/> to require them in responses.
/// </summary>
internal sealed class ContractSchemas(IOptions<JsonOptions> json) : IOpenApiSchemaTransformer
{
    /// <summary>Metadata (never serialized) naming the properties every serialized instance carries.</summary>
    public const string AlwaysWritten = "cases:always-written";

    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var typeInfo = context.JsonTypeInfo;
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type.IsEnum)
        {
            DescribeEnum(schema, type);
            // A nullable enum parameter with a default (a record's optional `Kind? X = null`) is described in place
            // rather than by reference, so its nullability has to be said here.
            if (context.JsonPropertyInfo is { } property && Nullable.GetUnderlyingType(property.PropertyType) is not null && schema.Default is null
                && property.AssociatedParameter is { HasDefaultValue: true })
            {
                schema.Type |= JsonSchemaType.Null;
                schema.Enum!.Add(null!);
            }
        }
        else if (typeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType.IsEnum: true } && schema.Items is null)
        {
            // The exporter leaves out the items of an array whose elements a custom converter writes: an enum's are its names.
            var items = new OpenApiSchema();
            DescribeEnum(items, typeInfo.ElementType);
            schema.Items = items;
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            schema.Metadata ??= new Dictionary<string, object>();
            schema.Metadata[AlwaysWritten] = _options.DefaultIgnoreCondition == JsonIgnoreCondition.Never
                ? typeInfo.Properties.Where(p => p.Get is not null && p.ShouldSerialize is null).Select(p => p.Name).ToArray()
                : Array.Empty<string>();
        }
        return Task.CompletedTask;
    }

    private void DescribeEnum(OpenApiSchema schema, Type type)
    {
        var values = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.SerializeToNode(v, type, _options)!).ToList();
        schema.Enum = values.Select(v => v.DeepClone()).ToList();
        schema.Type = values.All(v => v.GetValueKind() == JsonValueKind.String) ? JsonSchemaType.String : JsonSchemaType.Integer;
    }
}
