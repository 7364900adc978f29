using System.Globalization;
using Cases.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.WebConsole.Pages;

/// <summary>What the commission, meeting and decision pages share: the notice after a command, and lists typed a line at a time.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>The notice of the command that led here (post, redirect, get), in the reader's language; null for any other.</summary>
    public string? DoneNotice => Request.Query["notice"].ToString() is { Length: > 0 } key && T[$"Notice.{key}"] is { ResourceNotFound: false } text
        ? text.Value
        : null;

    /// <summary>After a command the API took, back to the page with the notice of what was done.</summary>
    protected IActionResult DoneWith(string path, string notice) => LocalRedirect($"{path}?notice={Uri.EscapeDataString(notice)}");

    /// <summary>The non-empty lines of a text area, each trimmed: one entry a line.</summary>
    public static IReadOnlyList<string> TextLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A text the API answers (a report), or null when it refuses: for a part of a page that stands without it.</summary>
    protected async Task<string?> ReadReportTextAsync(string pathAndQuery)
    {
        var answer = await api.GetAsync(HttpContext, pathAndQuery);
        return answer.Succeeded ? System.Text.Encoding.UTF8.GetString(answer.Body) : null;
    }

    /// <summary>A date-time as an input of type datetime-local shows it.</summary>
    public static string DateTimeInput(DateTimeOffset? at) => at?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";
}
