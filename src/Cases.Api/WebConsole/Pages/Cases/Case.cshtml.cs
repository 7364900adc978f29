using Cases.Api.Cases;
using Cases.Api.Deadlines;
using Cases.Api.Localization;
using Cases.Projections.Cases;
using Cases.Projections.Public;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The form of an action on a case: its name (which names its inputs, <c>{name}-{field}</c>), its API path under the
/// case, the roles the endpoint allows, the key of the notice once done, and the step of the case's course it sends.
/// Whether the case's step allows it is the API's to say; a form with no step (a correction) mends a record at any step.
/// </summary>
public sealed record CaseForm(string Name, string Path, string Roles, string Notice, CaseAction? Step)
{
    public CaseForm(CaseAction step, string path, string roles, string notice) : this(KebabEnum.Name(step), path, roles, notice, step) { }
}

/// <summary>
/// A case: its facts, deadlines and timeline, and the actions the user's roles allow at its step, each sending the API's
/// command with the version the page showed. A stale version is shown with what changed since, the input kept.
/// </summary>
public sealed class CasePageModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string StaleVersion = "stale-version";

    /// <summary>The correction of a value the case's events stored.</summary>
    public const string Correct = "correct";

    public static readonly IReadOnlyList<CaseForm> Forms =
    [
        new(CaseAction.Acknowledge, "acknowledgement", Roles.Intake, "case-acknowledged"),
        new(CaseAction.Assign, "assignment", Roles.Investigator, "investigator-assigned"),
        new(CaseAction.Reassign, "reassignment", Roles.Investigator, "investigator-reassigned"),
        new(CaseAction.RequestExplanation, "explanation-requests", Roles.Investigator, "explanation-requested"),
        new(CaseAction.RecordExplanation, "explanations", Roles.Investigator, "explanation-recorded"),
        new(CaseAction.AttachEvidence, "evidence", Roles.Investigator, "evidence-attached"),
        new(CaseAction.RecordFinding, "finding", Roles.Investigator, "finding-recorded"),
        new(CaseAction.Refer, "referral", Roles.Investigator, "case-referred"),
        new(CaseAction.Close, "closure", Roles.Investigator, "case-closed"),
        new(CaseAction.Reopen, "reopening", Roles.Investigator, "case-reopened"),
        new(CaseAction.Reply, "messages", Roles.Investigator, "reply-sent"),
        new(Correct, "corrections", Roles.Investigator, "case-corrected", null)
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

    public CaseRead? Case { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<DueItem>? Deadlines { get; private set; }
    public IReadOnlyList<ThreadMessage>? Thread { get; private set; }

    /// <summary>After a stale version: the events recorded since the version the user's form was sent with.</summary>
    public IReadOnlyList<TimelineEntry> ChangedSince { get; private set; } = [];

    /// <summary>The actions the case's step allows (as the API answers) and the user's roles may send.</summary>
    public IEnumerable<CaseForm> Offered => Case is { } c ? Forms.Where(f => (f.Step is not { } step || c.AllowedActions.Contains(step)) && HasAny(f.Roles)) : [];

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
        if (Forms.FirstOrDefault(f => f.Name == act) is not { } form) return BadRequest();
        long.TryParse(Value($"{act}-expectedVersion"), out var sent);
        var answer = await PostAsync(act, $"/api/cases/{Id}/{form.Path}", BodyOf(act, sent));
        if (answer is not null) return DoneWith($"{ConsoleSetup.Path}/cases/{Id}", form.Notice);
        await ReadCaseAsync();
        if (Refusal?.Rule == StaleVersion) ChangedSince = Timeline.Where(e => e.Version > sent).ToList();
        return Page();
    }

    private async Task ReadCaseAsync()
    {
        Case = await ReadAsync<CaseRead>($"/api/cases/{Id}");
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
}
