using System.Collections.Frozen;
using System.Text.Json;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Enum values as the API spells them everywhere, in bodies and query strings alike: <c>call-centre</c>. A client
/// sends exactly one documented name, in lower case; a value stored outside the contract (an enum's
/// <c>Unknown</c> member, or any number the enum does not define) is written as <c>unknown</c> and never accepted.
/// </summary>
public static class KebabEnum
{
    public const string Unknown = "unknown";

    public static string Name<T>(T value) where T : struct, Enum => Names<T>.Written.GetValueOrDefault(value, Unknown);

    /// <summary>A member's name as the event store keeps it (<c>CallCentre</c>) as the API spells it; anything else is <c>unknown</c>.</summary>
    public static string OfStoredName(Type enumType, string storedName) =>
        storedName != nameof(Unknown) && Enum.GetNames(enumType).Contains(storedName, StringComparer.Ordinal)
            ? JsonNamingPolicy.KebabCaseLower.ConvertName(storedName)
            : Unknown;

    /// <summary>The values a client may send: every member but <c>Unknown</c>.</summary>
    public static IEnumerable<string> Accepted(Type enumType) =>
        Enum.GetNames(enumType).Where(n => n != nameof(Unknown)).Select(JsonNamingPolicy.KebabCaseLower.ConvertName);

    /// <summary>The error a client reads for a value that is none of the enum's.</summary>
    public static string Expected(Type enumType) =>
        $"Not a valid value; expected exactly one of: {string.Join(", ", Accepted(enumType))}.";

    /// <summary>The member a client's text names, compared exactly: no trimming, no other case, no commas, no numbers.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && Names<T>.Read.TryGetValue(text, out var value) ? value : null;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Written = Enum.GetValues<T>()
            .Where(v => v.ToString() != nameof(Unknown))
            .ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> Read =
            Written.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
