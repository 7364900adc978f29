using System.Text.Json;

namespace Cases.Api.Infrastructure;

/// <summary>Enum values as the API spells them everywhere, in bodies and query strings alike: <c>call-centre</c>.</summary>
public static class KebabEnum
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The error a client reads for a value that is none of the enum's.</summary>
    public static string Expected(Type enumType) =>
        $"Not a valid value; expected one of: {string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}.";

    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Name(v!.Value) == text.Trim());
}
