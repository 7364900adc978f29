using Cases.Api.Localization;
using Cases.Api.Sanctions;
using Cases.Domain.Sanctions;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Imposing a sanction: the order's form beside the time limits the organisation's rules apply (as the API gives them),
/// and, when the API refuses, the rule it broke and why, next to the form.
/// </summary>
public sealed class ImposeSanctionModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Action = "impose";

    [BindProperty(SupportsGet = true)] public string? PersonnelNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? DecisionId { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? OrderNumber { get; set; }
    [BindProperty] public string? OrderDate { get; set; }
    [BindProperty] public string? OffenceCommittedOn { get; set; }
    [BindProperty] public string? OffenceDiscoveredOn { get; set; }
    [BindProperty] public bool EstablishedByAudit { get; set; }

    /// <summary>The organisation's time limits, read from the API; null if it refused to give them.</summary>
    public SanctionRules? Rules { get; private set; }

    public async Task OnGetAsync() => Rules = await ReadAsync<SanctionRules>("/api/sanctions/rules");

    public async Task<IActionResult> OnPostAsync()
    {
        Rules = await ReadAsync<SanctionRules>("/api/sanctions/rules");
        var answer = await PostAsync(Action, "/api/sanctions", new
        {
            personnelNumber = PersonnelNumber,
            caseId = OrNull(CaseId),
            decisionId = OrNull(DecisionId),
            type = OrNull(Type),
            orderNumber = OrderNumber,
            orderDate = OrNull(OrderDate),
            offenceCommittedOn = OrNull(OffenceCommittedOn),
            offenceDiscoveredOn = OrNull(OffenceDiscoveredOn),
            establishedByAudit = EstablishedByAudit
        });
        if (answer is null) return Page();
        var imposed = answer.Read<SanctionImposedResponse>();
        return DoneWith($"{ConsoleSetup.Path}/sanctions/{imposed.Id}", "sanction-imposed");
    }
}
