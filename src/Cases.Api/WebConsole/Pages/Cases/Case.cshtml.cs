using Cases.Api.Cases;
using Cases.Api.Deadlines;
using Cases.Api.Localization;
using Cases.Projections.Cases;
using Cases.Projections.Public;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// An action on a case as the page offers it: its API path under the case, the roles the endpoint allows, and the
/// steps of the case it can apply at. The API decides; the page only leaves out what could not apply.
/// </summary>
public sealed record CaseAction(string Name, string Path, string Roles, Func<CaseSummary, bool> Applies);

/// <summary>
/// A case: its facts, deadlines and timeline, and the actions the user's roles allow at its step, each sending the API's
/// command with the version the page showed. A stale version is shown with what changed since, the input kept.
/// </summary>
public sealed class CasePageModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string StaleVersion = "stale-version";

    /// <summary>The correction of a value the case's events stored; done, it leaves the console's shared notice (<c>?notice=</c>).</summary>
    public const string Correct = "correct";

    public static readonly IReadOnlyList<CaseAction> Actions =
    [
        new("acknowledge", "acknowledgement", Roles.Intake, c => c.Status == CaseStatus.Registered),
        new("assign", "assignment", Roles.Investigator, c => c.Status == CaseStatus.Acknowledged && c.Investigator is null),
        new("reassign", "reassignment", Roles.Investigator, c => Open(c) && c.Investigator is not null),
        new("request-explanation", "explanation-requests", Roles.Investigator, c => Open(c) && c.Investigator is not null),
        new("record-explanation", "explanations", Roles.Investigator,
            c => Open(c) && c.Explanations.Any(e => e.State == ExplanationState.Requested)),
        new("attach-evidence", "evidence", Roles.Investigator, Open),
        new("record-finding", "finding", Roles.Investigator, c => Open(c) && c.Investigator is not null && c.Finding is null),
        new("refer", "referral", Roles.Investigator, c => c.Status == CaseStatus.UnderInvestigation),
        new("close", "closure", Roles.Investigator, Open),
        new("reopen", "reopening", Roles.Investigator, c => c.Status == CaseStatus.Closed),
        new("reply", "messages", Roles.Investigator, c => c.Channel == Channel.Public),
        new(Correct, "corrections", Roles.Investigator, _ => true)
    ];

    /// <summary>The inputs of each action's form: the API's field name and the kind of input.</summary>
    public static readonly IReadOnlyDictionary<string, (string Field, string Input)[]> Fields = new Dictionary<string, (string, string)[]>
    {
        ["acknowledge"] = [("acknowledgedOn", "date")],
        ["assign"] = [("investigator", "text"), ("assignedOn", "date")],
        ["reassign"] = [("investigator", "text"), ("reassignedOn", "date")],
        ["request-explanation"] = [("personnelNumber", "text"), ("requestedOn", "date")],
        ["record-explanation"] = [("personnelNumber", "text"), ("text", "textarea"), ("refused", "checkbox"), ("refusalWitnesses", "textarea"), ("recordedOn", "date")],
        ["attach-evidence"] = [("fileName", "text"), ("mediaType", "text"), ("sizeBytes", "number"), ("sha256", "text"), ("description", "textarea"), ("obtainedOn", "date")],
        ["record-finding"] = [("violationFound", "checkbox"), ("employeesAtFault", "textarea"), ("ethicsArticlesViolated", "textarea"), ("corruptionRelated", "checkbox"),
            ("summary", "textarea"), ("foundOn", "date"), ("offenceCommittedOn", "date")],
        ["refer"] = [("commission", "text"), ("referredOn", "date")],
        ["close"] = [("outcome", "outcome"), ("summary", "textarea"), ("closedOn", "date")],
        ["reopen"] = [("reason", "textarea"), ("reopenedOn", "date")],
        ["reply"] = [("text", "textarea")],
        [Correct] = [("channel", "correction"), ("category", "correction"), ("outcome", "correction"), ("reason", "textarea")]
    };

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The action that succeeded just before this page was shown.</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public CaseSummary? Case { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<DueItem>? Deadlines { get; private set; }
    public IReadOnlyList<ThreadMessage>? Thread { get; private set; }

    /// <summary>After a stale version: the events recorded since the version the user's form was sent with.</summary>
    public IReadOnlyList<TimelineEntry> ChangedSince { get; private set; } = [];

    /// <summary>The actions the user's roles allow at the case's step.</summary>
    public IEnumerable<CaseAction> Offered => Case is { } c ? Actions.Where(a => HasAny(a.Roles) && a.Applies(c)) : [];

    public bool Offers(string action) => Offered.Any(a => a.Name == action);

    /// <summary>The values a correction of a case's field may give it, each in the reader's language; never the public channel, which only a public report has.</summary>
    public IReadOnlyList<(string Value, string Label)> CorrectionChoices(string field) => field switch
    {
        "channel" => Choices<Channel>().Where(v => v != Channel.Public).Select(v => (KebabEnum.Name(v), Named(v))).ToList(),
        "category" => Choices<Category>().Select(v => (KebabEnum.Name(v), Named(v))).ToList(),
        _ => Choices<CaseOutcome>().Select(v => (KebabEnum.Name(v), Named(v))).ToList()
    };

    public Task OnGetAsync() => ReadCaseAsync();

    public async Task<IActionResult> OnPostAsync(string act)
    {
        KeepEntered();
        if (Actions.FirstOrDefault(a => a.Name == act) is not { } action) return BadRequest();
        long.TryParse(Value($"{act}-expectedVersion"), out var sent);
        var answer = await PostAsync(act, $"/api/cases/{Id}/{action.Path}", BodyOf(act, sent));
        if (answer is not null)
        {
            var path = $"{ConsoleSetup.Path}/cases/{Id}";
            return act == Correct ? DoneWith(path, "case-corrected") : Redirect($"{path}?done={act}");
        }
        await ReadCaseAsync();
        if (Refusal?.Rule == StaleVersion) ChangedSince = Timeline.Where(e => e.Version > sent).ToList();
        return Page();
    }

    private async Task ReadCaseAsync()
    {
        Case = await ReadAsync<CaseSummary>($"/api/cases/{Id}");
        if (Case is null) return;
        Timeline = await ReadAsync<TimelineEntry[]>($"/api/cases/{Id}/timeline") ?? [];
        if (HasAny(Roles.DeadlineReaders))
        {
            Deadlines = await ReadAsync<DueItem[]>($"/api/deadlines?days={DeadlineQuery.MaxDays}&streamId={Id}");
        }
        if (Case.Channel == Channel.Public && HasAny($"{Roles.Investigator},{Roles.Auditor}"))
        {
            Thread = await ReadAsync<ThreadMessage[]>($"/api/cases/{Id}/messages");
        }
    }

    /// <summary>The API's request of an action, from the inputs of its form.</summary>
    private Dictionary<string, object?> BodyOf(string act, long version)
    {
        string? Field(string name) => Given($"{act}-{name}");
        bool Checked(string name) => Value($"{act}-{name}") == "true";
        return act switch
        {
            "acknowledge" => Body(("expectedVersion", version), ("acknowledgedOn", Field("acknowledgedOn"))),
            "assign" => Body(("expectedVersion", version), ("investigator", Value($"{act}-investigator")), ("assignedOn", Field("assignedOn"))),
            "reassign" => Body(("expectedVersion", version), ("investigator", Value($"{act}-investigator")), ("reassignedOn", Field("reassignedOn"))),
            "request-explanation" => Body(("expectedVersion", version), ("personnelNumber", Value($"{act}-personnelNumber")),
                ("requestedOn", Field("requestedOn"))),
            "record-explanation" => Value($"{act}-refused") == "true"
                ? Body(("expectedVersion", version), ("personnelNumber", Value($"{act}-personnelNumber")),
                    ("refusalWitnesses", Items($"{act}-refusalWitnesses")), ("recordedOn", Field("recordedOn")))
                : Body(("expectedVersion", version), ("personnelNumber", Value($"{act}-personnelNumber")), ("text", Value($"{act}-text")),
                    ("recordedOn", Field("recordedOn"))),
            "attach-evidence" => Body(("expectedVersion", version), ("fileName", Value($"{act}-fileName")), ("mediaType", Value($"{act}-mediaType")),
                ("sizeBytes", NumberIn($"{act}-sizeBytes")), ("sha256", Value($"{act}-sha256")), ("description", Value($"{act}-description")),
                ("obtainedOn", Field("obtainedOn"))),
            "record-finding" => Body(("expectedVersion", version), ("violationFound", Checked("violationFound")),
                ("employeesAtFault", Items($"{act}-employeesAtFault")), ("ethicsArticlesViolated", Items($"{act}-ethicsArticlesViolated")),
                ("corruptionRelated", Checked("corruptionRelated")), ("summary", Value($"{act}-summary")), ("foundOn", Field("foundOn")),
                ("offenceCommittedOn", Field("offenceCommittedOn"))),
            "refer" => Body(("expectedVersion", version), ("commission", Value($"{act}-commission")), ("referredOn", Field("referredOn"))),
            "close" => Body(("expectedVersion", version), ("outcome", Field("outcome")), ("summary", Value($"{act}-summary")), ("closedOn", Field("closedOn"))),
            "reopen" => Body(("expectedVersion", version), ("reason", Value($"{act}-reason")), ("reopenedOn", Field("reopenedOn"))),
            Correct => Body(("expectedVersion", version), ("reason", Value($"{act}-reason")), ("channel", Field("channel")), ("category", Field("category")),
                ("outcome", Field("outcome"))),
            _ => Body(("expectedVersion", version), ("text", Value($"{act}-text")))
        };
    }

    private static bool Open(CaseSummary c) => c.Status != CaseStatus.Closed;
}
