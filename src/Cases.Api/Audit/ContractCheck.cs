using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cases.Domain.Sanctions;
using Marten;
using Npgsql;

namespace Cases.Api.Audit;

/// <summary>
/// One value of a stored event outside the API's contract: where it is (the event's sequence, organisation, stream and
/// type, the field's JSON path), what is stored, and the event that corrected it if one did.
/// </summary>
public sealed record OutOfContract(long Sequence, string Organisation, Guid StreamId, string EventType, string Field, string StoredValue,
    long? CorrectedBy);

/// <summary>
/// Finds the values stored before the API's contract was enforced that it would refuse today: an enum stored as a
/// number no member has (<c>15</c> for "internal, public"), or under a name that is none of its members. Every stored
/// event is read as it sits in the table, in constant memory, and checked against its .NET type.
/// </summary>
public sealed class ContractCheck(IDocumentStore store)
{
    /// <summary>The correcting events, each with the field it corrects in the event its <c>sequence</c> names.</summary>
    private static readonly IReadOnlyDictionary<Type, string> Corrections = new Dictionary<Type, string>
    {
        [typeof(CaseChannelCorrected)] = "channel",
        [typeof(CaseCategoryCorrected)] = "category",
        [typeof(CaseOutcomeCorrected)] = "outcome",
        [typeof(SanctionTypeCorrected)] = "type"
    };

    /// <summary>Marten stores events in camelCase; this reads their shape, not their values.</summary>
    private static readonly JsonSerializerOptions Stored = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public async IAsyncEnumerable<OutOfContract> FindAsync(string? organisation, [EnumeratorCancellation] CancellationToken ct)
    {
        var types = store.Options.Events.AllKnownEventTypes()
            .Select(t => (t.EventTypeName, Enums: EnumPaths(t.EventType, "", 0).ToArray()))
            .Where(t => t.Enums.Length > 0)
            .ToDictionary(t => t.EventTypeName, t => t.Enums);
        var schema = store.Options.DatabaseSchemaName;
        // An organisation's events are all in its own database; without one, every database in turn. Sequences, and so
        // a correction's reference to the event it mends, hold within one database.
        IReadOnlyList<Marten.Storage.IMartenDatabase> databases = organisation is null
            ? await store.Storage.AllDatabases()
            : [await store.Storage.FindOrCreateDatabase(organisation)];
        foreach (var database in databases)
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(ct);
            var corrected = await CorrectionsAsync(connection, schema, organisation, ct);

            await using var command = new NpgsqlCommand($"""
                select seq_id, tenant_id, stream_id, type, data::text from {schema}.mt_events
                where type = any(@types) and (@organisation::text is null or tenant_id = @organisation)
                order by seq_id
                """, connection)
            {
                Parameters = { new("types", types.Keys.ToArray()), new("organisation", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)organisation ?? DBNull.Value } }
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (sequence, type) = (reader.GetInt64(0), reader.GetString(3));
                using var data = JsonDocument.Parse(reader.GetString(4));
                foreach (var (field, value) in Outside(data.RootElement, types[type]))
                {
                    yield return new OutOfContract(sequence, reader.GetString(1), reader.GetGuid(2), type, field, value,
                        corrected.TryGetValue((sequence, field), out var by) ? by : null);
                }
            }
        }
    }

    /// <summary>Which stored event and field each correction mends, and the correction's own sequence.</summary>
    private async Task<Dictionary<(long Sequence, string Field), long>> CorrectionsAsync(NpgsqlConnection connection, string schema,
        string? organisation, CancellationToken ct)
    {
        var names = store.Options.Events.AllKnownEventTypes().Where(t => Corrections.ContainsKey(t.EventType))
            .ToDictionary(t => t.EventTypeName, t => Corrections[t.EventType]);
        await using var command = new NpgsqlCommand($"""
            select seq_id, type, (data ->> 'sequence')::bigint from {schema}.mt_events
            where type = any(@types) and (@organisation::text is null or tenant_id = @organisation)
            order by seq_id
            """, connection)
        {
            Parameters = { new("types", names.Keys.ToArray()), new("organisation", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)organisation ?? DBNull.Value } }
        };
        var corrections = new Dictionary<(long, string), long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) corrections[(reader.GetInt64(2), names[reader.GetString(1)])] = reader.GetInt64(0);
        return corrections;
    }

    /// <summary>A field that holds an enum, by its JSON path (<c>executor.kind</c>; <c>inOffice[]</c> for each item of a list).</summary>
    private sealed record EnumPath(string Path, Type Enum);

    private static IEnumerable<EnumPath> EnumPaths(Type type, string path, int depth)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            yield return new EnumPath(path, enumType);
            yield break;
        }
        // Events are small records; the bound only guards against a type that refers to itself.
        if (depth > 8) yield break;
        var info = Stored.GetTypeInfo(type);
        var children = info.Kind switch
        {
            JsonTypeInfoKind.Object => info.Properties.SelectMany(p => EnumPaths(p.PropertyType, path.Length == 0 ? p.Name : $"{path}.{p.Name}", depth + 1)),
            JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => EnumPaths(info.ElementType!, $"{path}[]", depth + 1),
            _ => []
        };
        foreach (var child in children) yield return child;
    }

    /// <summary>The enum values of one stored event that are none of their enum's members, with their concrete paths.</summary>
    private static IEnumerable<(string Field, string Value)> Outside(JsonElement data, IEnumerable<EnumPath> enums) =>
        from e in enums
        from found in At(data, e.Path.Split('.'), 0, "")
        where !IsMember(found.Value, e.Enum)
        select (found.Field, found.Value.GetRawText());

    /// <summary>The values at a path in one event: <c>inOffice[].role</c> is <c>inOffice[0].role</c>, <c>inOffice[1].role</c>, ...</summary>
    private static IEnumerable<(string Field, JsonElement Value)> At(JsonElement node, string[] segments, int index, string field)
    {
        if (index == segments.Length) return [(field, node)];
        var each = segments[index].EndsWith("[]", StringComparison.Ordinal);
        var name = each ? segments[index][..^2] : segments[index];
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out var child)) return [];
        var path = field.Length == 0 ? name : $"{field}.{name}";
        if (!each) return At(child, segments, index + 1, path);
        return child.ValueKind switch
        {
            JsonValueKind.Array => child.EnumerateArray().SelectMany((item, i) => At(item, segments, index + 1, $"{path}[{i}]")),
            JsonValueKind.Object => child.EnumerateObject().SelectMany(entry => At(entry.Value, segments, index + 1, $"{path}.{entry.Name}")),
            _ => []
        };
    }

    private static bool IsMember(JsonElement value, Type enumType) =>
        value.ValueKind == JsonValueKind.Null
        || value.ValueKind == JsonValueKind.String && value.GetString() is { } name && name != nameof(KebabEnum.Unknown)
        && Enum.GetNames(enumType).Contains(name, StringComparer.Ordinal);
}
