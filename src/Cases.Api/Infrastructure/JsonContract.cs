using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The wire format of the API, one policy for every request and answer: camelCase fields, matched case-sensitively;
/// no unknown, duplicate or missing field; an enum only as exactly one documented kebab-case name; numbers only as
/// JSON numbers; dates, moments and ids each in one canonical form. Registered once in the API's JSON options, so a
/// new endpoint is held to it without anyone remembering.
/// </summary>
public static class JsonContract
{
    /// <summary>
    /// The API's JSON options, the OpenAPI document's schemas of the values the contract's converters read, and the
    /// shape of Wolverine's own refusal of a query value (<see cref="RouteAndQueryValues.Reshape"/>).
    /// </summary>
    public static IServiceCollection AddJsonContract(this IServiceCollection services) => services
        .Configure<JsonOptions>(o => Apply(o.SerializerOptions))
        .Configure<ProblemDetailsOptions>(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                RouteAndQueryValues.Reshape(context);
            };
        })
        .ConfigureAll<OpenApiOptions>(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            Describe(schema, context.JsonTypeInfo.Type);
            return Task.CompletedTask;
        }));

    public static void Apply(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.PropertyNameCaseInsensitive = false;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.AllowDuplicateProperties = false;
        json.AllowTrailingCommas = false;
        json.ReadCommentHandling = JsonCommentHandling.Disallow;
        json.MaxDepth = 16;
        json.Converters.Insert(0, new ContractEnumConverterFactory());
        json.Converters.Insert(0, new CanonicalDateConverter());
        json.Converters.Insert(0, new CanonicalMomentConverter());
        json.Converters.Insert(0, new CanonicalGuidConverter());
    }

    /// <summary>
    /// The event store's own reading of enums (Marten writes member names): a value stored before the API was strict,
    /// such as a number no member has or a name no longer known, reads as the enum's <c>Unknown</c> member, so it never
    /// breaks a read, a projection or a rebuild. Writing is unchanged, so stored events stay byte for byte as before.
    /// </summary>
    public static void ConfigureStored(JsonSerializerOptions json) => json.Converters.Insert(0, new StoredEnumConverterFactory());

    /// <summary>
    /// What the schema exporter cannot see through a custom converter: enums as their documented names (with
    /// <c>unknown</c>, which answers carry for values stored outside the contract), dates, moments and ids as strings.
    /// </summary>
    public static void Describe(OpenApiSchema schema, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var value = underlying ?? type;
        var nullable = underlying is null ? default : JsonSchemaType.Null;
        if (value.IsEnum)
        {
            var hasUnknown = Enum.GetNames(value).Contains(nameof(KebabEnum.Unknown));
            schema.Type = JsonSchemaType.String | nullable;
            schema.Enum = [.. KebabEnum.Accepted(value).Append(hasUnknown ? KebabEnum.Unknown : null).OfType<string>().Select(n => (JsonNode)n)];
            if (hasUnknown)
            {
                schema.Description = $"`{KebabEnum.Unknown}` is only ever answered, for a value stored outside the contract before it was enforced; it is never accepted.";
            }
            return;
        }
        (schema.Type, schema.Format, schema.Pattern) = value switch
        {
            _ when value == typeof(DateOnly) => (JsonSchemaType.String | nullable, "date", CanonicalDateConverter.PatternText),
            _ when value == typeof(DateTimeOffset) => (JsonSchemaType.String | nullable, "date-time", CanonicalMomentConverter.PatternText),
            _ when value == typeof(Guid) => (JsonSchemaType.String | nullable, "uuid", CanonicalGuid.PatternText),
            _ => (schema.Type, schema.Format, schema.Pattern)
        };
    }

    public const string DateFormat = "YYYY-MM-DD";
    public const string MomentFormat = "YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)";
    public const string GuidFormat = "8-4-4-4-12 hexadecimal digits";
}

/// <summary>Enums as exactly one documented kebab-case name; <c>unknown</c> is written, never read.</summary>
public sealed class ContractEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ContractEnumConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class ContractEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && KebabEnum.Parse<T>(reader.GetString()) is { } value
            ? value
            : throw new JsonException(KebabEnum.Expected(typeof(T)));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(KebabEnum.Name(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KebabEnum.Parse<T>(reader.GetString()) ?? throw new JsonException(KebabEnum.Expected(typeof(T)));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(KebabEnum.Name(value));
}

/// <summary>A business date: <c>YYYY-MM-DD</c> and nothing else.</summary>
public sealed partial class CanonicalDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var date)
            ? date
            : throw new JsonException($"Not a valid date; expected {JsonContract.DateFormat}.");

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && Pattern().IsMatch(text)
               && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public const string PatternText = @"^\d{4}-\d{2}-\d{2}$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>A moment: ISO 8601 date and time to the second (a fraction allowed), always with its offset.</summary>
public sealed partial class CanonicalMomentConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var moment)
            ? moment
            : throw new JsonException($"Not a valid moment; expected {JsonContract.MomentFormat}.");

    public static bool TryParse(string? text, out DateTimeOffset moment)
    {
        moment = default;
        return text is not null && Pattern().IsMatch(text)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public const string PatternText = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>An id: 32 hexadecimal digits in groups 8-4-4-4-12, either case; no braces, no other grouping.</summary>
public sealed partial class CanonicalGuidConverter : JsonConverter<Guid>
{
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && CanonicalGuid.TryParse(text, out var id)
            ? id
            : throw new JsonException($"Not a valid id; expected {JsonContract.GuidFormat}.");

    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("D"));
}

/// <summary>The one form of an id the API reads, in bodies, routes and query strings.</summary>
public static partial class CanonicalGuid
{
    public static bool TryParse(string? text, out Guid id)
    {
        id = default;
        return text is not null && Pattern().IsMatch(text) && Guid.TryParseExact(text, "D", out id);
    }

    public const string PatternText = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Reads enums as Marten stored them, and anything stored outside the contract as <c>Unknown</c>.</summary>
public sealed class StoredEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StoredEnumConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class StoredEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);
    private static readonly T? Unknown = ByName.TryGetValue(nameof(Unknown), out var unknown) ? unknown : null;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when ByName.TryGetValue(reader.GetString()!, out var named):
                return named;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && ToEnum(number) is { } numbered && Enum.IsDefined(numbered):
                return numbered;
            case JsonTokenType.String or JsonTokenType.Number when Unknown is { } unknown:
                return unknown;
            default:
                throw new JsonException($"A stored {typeof(T).Name} that is none of its values, and it has no Unknown member to read it as.");
        }
    }

    /// <summary>Exactly as Marten's own converter writes: the member's name (a number only for a value no member has).</summary>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (Enum.IsDefined(value)) writer.WriteStringValue(value.ToString());
        else writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ByName.TryGetValue(reader.GetString()!, out var named) ? named
        : Unknown ?? throw new JsonException($"A stored {typeof(T).Name} key that is none of its values.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());

    private static T? ToEnum(long number) =>
        number is >= int.MinValue and <= int.MaxValue ? (T)Enum.ToObject(typeof(T), number) : null;
}
