using System.Globalization;
using Cases.Api.ActionPlans;
using Cases.Domain;

namespace Cases.Api.WebConsole.Pages;

/// <summary>What the programme's pages share: periods and terms as the reader reads them, and a file sent to the API as it is.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>A period from its first to its last day.</summary>
    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)} – {Date(to)}";

    /// <summary>A plan item's term in the reader's words: a date, a quarter, a half-year, a year, or ongoing with its reporting rhythm.</summary>
    public string TermText(TermView term) => term.Kind switch
    {
        TermKind.ByDate => T["Programme.Term.ByDate", Date(term.Date)],
        TermKind.Ongoing when term.Reporting is { } rhythm => T["Programme.Term.Ongoing", Named(rhythm).ToLower(CultureInfo.CurrentCulture)],
        TermKind.Ongoing => Named(term.Kind),
        _ => T[$"Programme.Term.{term.Kind}", term.Part ?? 0, term.Year ?? 0]
    };

    /// <summary>
    /// Sends an uploaded file to the API as it is, in <paramref name="type"/> (an empty body when none was chosen, for the
    /// API to refuse); on a refusal, keeps it for the action's form and answers null.
    /// </summary>
    protected async Task<ApiAnswer?> UploadAsync(string action, string path, IFormFile? file, string type)
    {
        using var bytes = new MemoryStream();
        if (file is not null) await file.CopyToAsync(bytes, HttpContext.RequestAborted);
        return await SendAsync(action, HttpMethods.Post, path, new ApiContent(bytes.ToArray(), type));
    }
}
