using Cases.Api.Cases;
using Cases.Api.Localization;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>Registers a case: the form is the API's request, and its field errors are shown next to each field.</summary>
public sealed class CaseRegistrationModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "register";

    /// <summary>Who complained: nobody said, an anonymous complainant, or one who gave a name.</summary>
    public static readonly string[] ComplainantKinds = ["none", "anonymous", "named"];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepEntered();
        var complainant = Value($"{Action}-complainant") switch
        {
            "anonymous" => Body(("anonymous", true)),
            "named" => Body(("anonymous", false), ("name", Given($"{Action}-complainant.name")), ("phone", Given($"{Action}-complainant.phone")),
                ("email", Given($"{Action}-complainant.email")), ("personnelNumber", Given($"{Action}-complainant.personnelNumber"))),
            _ => null
        };
        var answer = await PostAsync(Action, "/api/cases", Body(("channel", Given($"{Action}-channel")), ("category", Given($"{Action}-category")),
            ("subjects", Items($"{Action}-subjects")), ("summary", Value($"{Action}-summary")), ("receivedOn", Given($"{Action}-receivedOn")),
            ("complainant", complainant)));
        if (answer is null) return Page();
        return DoneWith($"{ConsoleSetup.Path}/cases/{answer.Read<CaseWritten>().Id}", "case-registered");
    }
}
