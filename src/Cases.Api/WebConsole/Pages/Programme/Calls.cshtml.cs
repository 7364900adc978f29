using Cases.Api.Calls;
using Cases.Api.Localization;
using Cases.Domain.Calls;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Imports a line's calls of one day from the telephony export's CSV, sent to the API as it is; after an import, the
/// day as the line's figures count it.
/// </summary>
public sealed class CallImportModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Path = $"{ProgrammeModel.Path}/calls";
    public const string Action = "import";

    /// <summary>The line of the day imported last (in the path after an import), or the one chosen in the form.</summary>
    [BindProperty(SupportsGet = true)] public string? Line { get; set; }

    /// <summary>The day imported last (in the path after an import), or the one chosen in the form.</summary>
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    [BindProperty] public IFormFile? Calls { get; set; }

    public IReadOnlyList<CallLine> Lines { get; private set; } = [];

    /// <summary>The imported day's figures: the calls the API took, and how many were about corruption.</summary>
    public CallLineFigures? Taken { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadLinesAsync();
        if (Line is null || Day is null || Refusal is not null) return;
        var day = await ReadAsync<CallsSummary>($"/api/call-lines/summary?from={Uri.EscapeDataString(Day)}&to={Uri.EscapeDataString(Day)}");
        Taken = day?.Lines.FirstOrDefault(l => l.LineId == Line);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (line, day) = (Uri.EscapeDataString(Line ?? ""), Uri.EscapeDataString(Day ?? ""));
        var answer = await UploadAsync(Action, $"/api/call-lines/{line}/days/{day}/calls", Calls, CallsBody.CsvContentType);
        if (answer is null)
        {
            await LoadLinesAsync();
            return Page();
        }
        return DoneWith($"{Path}/{line}/{day}", answer.Status == StatusCodes.Status201Created ? "calls-imported" : "calls-already-imported");
    }

    private async Task LoadLinesAsync() => Lines = await ReadAsync<List<CallLine>>("/api/call-lines", Action) ?? [];
}
