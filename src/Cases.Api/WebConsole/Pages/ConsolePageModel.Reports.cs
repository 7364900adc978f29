using System.Globalization;
using Cases.Api.Infrastructure;

namespace Cases.Api.WebConsole.Pages;

/// <summary>What the statistics and audit pages share: the API's answers that are no JSON (CSV, NDJSON, text), and their keys' texts.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>The API's answer handed to the browser as a file, its type the API's; on a refusal, the page with it.</summary>
    protected async Task<IActionResult> DownloadAsync(string pathAndQuery, string accept, string fileName, string? action = null) =>
        await ReadAnswerAsync(pathAndQuery, accept, action) is { } answer
            ? File(answer.Body, answer.Headers.ContentType.ToString() is { Length: > 0 } type ? type : accept, fileName)
            : Page();

    /// <summary>A key the API counts by (a sanction type, a category) in the reader's language; as the API spells it when no text names it.</summary>
    public string KeyText(string prefix, string key) => T[$"{prefix}.{key}"] is { ResourceNotFound: false } text ? text.Value : key;

    /// <summary>
    /// A moment as the API reads it: a browser's date and time, which has no offset, is on the organisation's clock;
    /// anything else goes as it was typed, for the API to judge.
    /// </summary>
    protected string? ApiMoment(string? typed) =>
        OnOrganisationClock(typed)?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) ?? typed;

    /// <summary>A rate as the console writes it: 90%, 87.5%; a dash when nothing was due.</summary>
    public static string Percent(decimal? rate) => rate is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
}
