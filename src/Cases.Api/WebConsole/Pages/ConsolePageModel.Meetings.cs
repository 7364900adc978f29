using System.Globalization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>What the commission, meeting and decision pages share: lists typed a line at a time, and date-times as inputs show them.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>The non-empty lines of a text area, each trimmed: one entry a line.</summary>
    public static IReadOnlyList<string> TextLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A date-time as an input of type datetime-local shows it.</summary>
    public static string DateTimeInput(DateTimeOffset? at) => at?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";
}
