using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The field errors of a request body the serializer refused, found by reading the body again against the request
/// type's own JSON contract (its properties, which are required, which take null, what each value must be), never by
/// reading the serializer's English messages. Fields are named by their JSON path in camelCase: <c>channel</c>,
/// <c>complainant.name</c>, <c>subjects[0]</c>; <c>$</c> is the body as a whole.
/// </summary>
public static class JsonBodyErrors
{
    public const string ObjectRequired = "A JSON object is required.";

    /// <summary>A body with thousands of faults gets the first ones, not an answer larger than itself.</summary>
    public const int MaxErrors = 20;

    public static Dictionary<string, string[]> Describe(byte[] body, Type requestType, JsonSerializerOptions options, JsonException? refused = null)
    {
        var errors = new Errors();
        if (Syntax(body, options.MaxDepth) is { } syntax)
        {
            errors.Add("$", syntax);
            return errors.ToDictionary();
        }

        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object && options.GetTypeInfo(requestType).Kind == JsonTypeInfoKind.Object)
        {
            errors.Add("$", ObjectRequired);
        }
        else
        {
            Walk(root, requestType, "$", options, errors);
        }

        // The serializer refused what this reading accepts: name the place it stopped at rather than say nothing.
        if (errors.Count == 0) errors.Add(FieldOf(refused?.Path), "Not a valid value.");
        return errors.ToDictionary();
    }

    /// <summary>What is wrong with the JSON itself, before any type: its syntax, or nesting deeper than allowed.</summary>
    private static string? Syntax(byte[] body, int maxDepth)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return ObjectRequired;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue, CommentHandling = JsonCommentHandling.Disallow });
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                // A container opened at depth d is the (d + 1)th level of nesting.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) deepest = Math.Max(deepest, reader.CurrentDepth + 1);
            }
        }
        catch (JsonException malformed)
        {
            return $"Malformed JSON (line {malformed.LineNumber + 1}, byte {malformed.BytePositionInLine + 1}).";
        }
        return deepest > maxDepth ? $"The JSON is nested too deeply: at most {maxDepth} levels." : null;
    }

    private static void Walk(JsonElement element, Type type, string path, JsonSerializerOptions options, Errors errors)
    {
        if (errors.Full) return;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind != JsonValueKind.Object:
                errors.Add(path, "Expected an object.");
                break;
            case JsonTypeInfoKind.Object:
                Members(element, info, path, options, errors);
                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind != JsonValueKind.Array:
                errors.Add(path, "Expected an array.");
                break;
            case JsonTypeInfoKind.Enumerable:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        // A list of references takes null (the endpoint's own check refuses it); a list of values does not.
                        if (info.ElementType!.IsValueType && Nullable.GetUnderlyingType(info.ElementType) is null) errors.Add(itemPath, "Must not be null.");
                        continue;
                    }
                    Walk(item, info.ElementType!, itemPath, options, errors);
                }
                break;
            case JsonTypeInfoKind.Dictionary when element.ValueKind != JsonValueKind.Object:
                errors.Add(path, "Expected an object.");
                break;
            case JsonTypeInfoKind.Dictionary:
                foreach (var entry in element.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Null) Walk(entry.Value, info.ElementType!, Child(path, entry.Name), options, errors);
                }
                break;
            default:
                if (!Reads(element, info)) errors.Add(path, InvalidValue(type, element));
                break;
        }
    }

    /// <summary>An object's members: each given once, each known, none missing, null only where null is allowed.</summary>
    private static void Members(JsonElement element, JsonTypeInfo info, string path, JsonSerializerOptions options, Errors errors)
    {
        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = Child(path, member.Name);
            if (!given.Add(member.Name))
            {
                errors.Add(memberPath, "Given more than once.");
                continue;
            }
            if (!properties.TryGetValue(member.Name, out var property))
            {
                errors.Add(memberPath, "Not a known field.");
                continue;
            }
            // A read-only member (a computed one) is ignored on reading, as the serializer ignores it.
            if (property.Set is null && property.AssociatedParameter is null) continue;
            if (member.Value.ValueKind != JsonValueKind.Null) Walk(member.Value, property.PropertyType, memberPath, options, errors);
            else if (!TakesNull(property, options)) errors.Add(memberPath, "Must not be null.");
        }
        foreach (var property in properties.Values.Where(p => !given.Contains(p.Name) && IsRequired(p, options)))
        {
            errors.Add(Child(path, property.Name), "Required.");
        }
    }

    private static bool IsRequired(JsonPropertyInfo property, JsonSerializerOptions options) =>
        property.IsRequired
        || options.RespectRequiredConstructorParameters && property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };

    private static bool TakesNull(JsonPropertyInfo property, JsonSerializerOptions options) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : !options.RespectNullableAnnotations || (property.AssociatedParameter?.IsNullable ?? property.IsSetNullable);

    /// <summary>Whether a value the contract's converters handle (text, number, date, id, enum, ...) reads as its type.</summary>
    private static bool Reads(JsonElement element, JsonTypeInfo info)
    {
        try
        {
            element.Deserialize(info);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>What the value must be, said by the type it is read into.</summary>
    private static string InvalidValue(Type type, JsonElement given)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => KebabEnum.Expected(type),
            _ when type == typeof(DateOnly) => $"Not a valid date; expected {JsonContract.DateFormat}.",
            _ when type == typeof(DateTimeOffset) => $"Not a valid moment; expected {JsonContract.MomentFormat}.",
            _ when type == typeof(Guid) => $"Not a valid id; expected {JsonContract.GuidFormat}.",
            _ when type == typeof(bool) => "Expected true or false.",
            _ when IsInteger(type) && given.ValueKind == JsonValueKind.String => "Expected a number, not a string.",
            _ when IsInteger(type) => "Expected a whole number in range.",
            _ when type == typeof(string) && given.ValueKind == JsonValueKind.String => "Not valid text: broken UTF-8 or a lone surrogate.",
            _ when type == typeof(string) => "Expected a string.",
            _ => "Not a valid value."
        };
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static string Child(string path, string name) => path == "$" ? name : $"{path}.{name}";

    /// <summary>A serializer path such as <c>$.complainant.name</c> as the errors name fields: <c>complainant.name</c>.</summary>
    private static string FieldOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public int Count => _byField.Count;
        public bool Full => _byField.Count >= MaxErrors;

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var messages))
            {
                if (Full) return;
                _byField[field] = messages = [];
            }
            if (!messages.Contains(message)) messages.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
