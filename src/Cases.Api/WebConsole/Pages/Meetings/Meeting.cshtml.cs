using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.Meetings;
using Cases.Domain;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// A meeting as the secretary holds it: attendance, opening with the quorum shown, conflicts of interest, who was heard,
/// the votes and the resolution of each agenda item, rescheduling and cancelling. Every form sends the version the page showed.
/// </summary>
public sealed class MeetingModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Attendance = "attendance";
    public const string Open = "open";
    public const string Reschedule = "reschedule";
    public const string Cancel = "cancel";

    public static string Conflict(int item) => $"conflict-{item}";
    public static string Hear(int item) => $"hear-{item}";
    public static string Votes(int item) => $"votes-{item}";
    public static string Resolve(int item) => $"resolve-{item}";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public int ItemNumber { get; set; }
    [BindProperty] public List<string> Present { get; set; } = [];
    [BindProperty] public DateOnly? Day { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ScheduledFor { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? PersonnelNumber { get; set; }
    [BindProperty] public RecusalGround Ground { get; set; } = RecusalGround.Declared;
    [BindProperty] public Dictionary<string, Vote?> Ballots { get; set; } = [];
    [BindProperty] public ResolutionForm Resolution { get; set; } = new();
    [BindProperty] public HearingForm Heard { get; set; } = new();

    public sealed class HearingForm
    {
        public string? FullName { get; set; }
        public string? Position { get; set; }
        public string? Body { get; set; }
        public string? Subject { get; set; }
    }

    public sealed class ResolutionForm
    {
        public DecisionKind Kind { get; set; } = DecisionKind.Instruction;
        public string? Text { get; set; }
        public ExecutorKind ExecutorKind { get; set; } = ExecutorKind.Unit;
        public string? ExecutorName { get; set; }
        public string? ExecutorOrganisation { get; set; }
        public DateOnly? DueDate { get; set; }
        public TermKind? TermKind { get; set; }
        public int? TermYear { get; set; }
        public int? TermPart { get; set; }
        public ReportingRhythm? TermReporting { get; set; }
        public string? Addressees { get; set; }
    }

    public MeetingDetails? Meeting { get; private set; }
    public Commission? Commission { get; private set; }

    public bool IsSecretary => HasAny(Roles.Secretary);
    public string Path => $"{MeetingsModel.Path}/{Id}";

    /// <summary>The members in office on the meeting's day: as the meeting recorded them once open, as the commission has them before.</summary>
    public IReadOnlyList<SittingMember> InOffice => Meeting is { InOffice.Count: > 0 } held ? held.InOffice
        : Meeting is { } scheduled && Commission is { } commission ? OpenMeetingDecision.InOffice(commission, scheduled.ScheduledOn) : [];

    public int VotingPresent => InOffice.Count(m => m.Votes && Meeting!.Present.Contains(m.PersonnelNumber));

    /// <summary>
    /// The quorum the meeting needs: the one it opened with, or before then the commission's rule applied to its voting
    /// members in office on the day, for the secretary to see; the API decides it again when asked to open.
    /// </summary>
    public int QuorumRequired => Meeting?.QuorumRequired ?? (Commission is { } c ? Quorum.Required(c.Quorum, InOffice.Count(m => m.Votes)) : 0);

    public string NameOf(string personnelNumber) => InOffice.FirstOrDefault(m => m.PersonnelNumber == personnelNumber)?.FullName ?? personnelNumber;

    /// <summary>The members present who may vote on an item: voting, present and not recused from it.</summary>
    public IReadOnlyList<SittingMember> Eligible(AgendaEntry item) =>
        InOffice.Where(m => m.Votes && Meeting!.Present.Contains(m.PersonnelNumber) && item.Recusals.All(r => r.PersonnelNumber != m.PersonnelNumber)).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAttendanceAsync() =>
        CommandAsync(Attendance, "attendance", new RecordAttendance(ExpectedVersion, Present), "attendance-recorded");

    public Task<IActionResult> OnPostOpenAsync() => CommandAsync(Open, "opening", new OpenMeeting(ExpectedVersion, Day), "meeting-opened");

    public Task<IActionResult> OnPostRescheduleAsync() =>
        CommandAsync(Reschedule, "rescheduling", new RescheduleMeeting(ExpectedVersion, OnOrganisationClock(ScheduledFor) ?? default, Reason ?? "", OrNull(Place)), "meeting-rescheduled");

    public Task<IActionResult> OnPostCancelAsync() => CommandAsync(Cancel, "cancellation", new CancelMeeting(ExpectedVersion, Reason ?? "", Day), "meeting-cancelled");

    public Task<IActionResult> OnPostConflictAsync() => CommandAsync(Conflict(ItemNumber), "conflicts",
        new RecordConflict(ExpectedVersion, ItemNumber, PersonnelNumber ?? "", Ground, Reason ?? ""), "conflict-recorded");

    public Task<IActionResult> OnPostHearingAsync() => CommandAsync(Hear(ItemNumber), "hearings",
        new RecordHearing(ExpectedVersion, ItemNumber, Heard.FullName ?? "", Heard.Position ?? "", Heard.Body ?? "", Heard.Subject ?? ""), "hearing-recorded");

    public Task<IActionResult> OnPostVotesAsync() => CommandAsync(Votes(ItemNumber), "votes",
        new CastVotes(ExpectedVersion, ItemNumber, Ballots.Where(b => b.Value is not null).Select(b => new MemberVote(b.Key, b.Value!.Value)).ToList()), "votes-cast");

    public Task<IActionResult> OnPostResolveAsync()
    {
        var form = Resolution;
        var term = form.TermKind is { } kind ? new Term(kind, null, form.TermYear, form.TermPart, form.TermReporting) : null;
        var addressees = TextLines(form.Addressees).Select(name => new Executor(ExecutorKind.Unit, name)).ToList();
        return CommandAsync(Resolve(ItemNumber), "resolutions", new ResolveItem(ExpectedVersion, ItemNumber, form.Kind, form.Text ?? "",
            new Executor(form.ExecutorKind, form.ExecutorName ?? "", OrNull(form.ExecutorOrganisation)), form.DueDate, term,
            addressees.Count == 0 ? null : addressees), "item-resolved");
    }

    private async Task<IActionResult> CommandAsync(string action, string path, object command, string notice)
    {
        if (await PostAsync(action, $"/api/meetings/{Id}/{path}", command) is not null) return DoneWith(Path, notice);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Meeting = await ReadAsync<MeetingDetails>($"/api/meetings/{Id}");
        if (Meeting is not null) Commission = await ReadAsync<Commission>($"/api/commissions/{Meeting.CommissionId}");
    }
}
