using System.Globalization;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.Meetings;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Projections.Cases;
using Cases.Projections.Meetings;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// The organisation's commissions with their composition over time, its meetings, and the forms the secretary keeps
/// them with: appoint and release members, schedule a meeting with its agenda of referred cases and other questions.
/// </summary>
public sealed class MeetingsModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Appoint = "appoint";
    public const string Release = "release";
    public const string Schedule = "schedule";
    public const string Path = $"{ConsoleSetup.Path}/meetings";

    [BindProperty(SupportsGet = true, Name = "page")] public int Number { get; set; } = 1;

    public IReadOnlyList<Commission> Commissions { get; private set; } = [];
    public Paged<MeetingDetails>? Meetings { get; private set; }

    /// <summary>The cases referred to a commission: what an agenda's items may be about.</summary>
    public IReadOnlyList<CaseSummary> Referred { get; private set; } = [];

    /// <summary>The commission whose form the API refused, so that its refusal shows there.</summary>
    [BindProperty] public Guid CommissionId { get; set; }

    [BindProperty] public AppointForm Appointment { get; set; } = new();
    [BindProperty] public string? PersonnelNumber { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }
    [BindProperty] public ScheduleForm Scheduling { get; set; } = new();

    public sealed class AppointForm
    {
        public string? PersonnelNumber { get; set; }
        public string? FullName { get; set; }
        public string? UserName { get; set; }
        public string? Position { get; set; }
        public MemberRole Role { get; set; } = MemberRole.Member;
        public DateOnly? From { get; set; }
    }

    public sealed class ScheduleForm
    {
        public string? ScheduledFor { get; set; }
        public string? Place { get; set; }
        public List<Guid> Cases { get; set; } = [];
        public string? Questions { get; set; }
    }

    public bool IsSecretary => HasAny(Roles.Secretary);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAppointAsync()
    {
        var answer = await PostAsync(Appoint, $"/api/commissions/{CommissionId}/appointments", new AppointMember(ExpectedVersion,
            Appointment.PersonnelNumber ?? "", Appointment.FullName ?? "", Appointment.Role, Appointment.From ?? default,
            OrNull(Appointment.UserName), OrNull(Appointment.Position)));
        return await AnsweredAsync(answer, "member-appointed");
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        var answer = await PostAsync(Release, $"/api/commissions/{CommissionId}/releases", new ReleaseMember(ExpectedVersion, PersonnelNumber ?? "", Until));
        return await AnsweredAsync(answer, "member-released");
    }

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        var agenda = Scheduling.Cases.Select(id => new ProposedItem(CaseId: id))
            .Concat(TextLines(Scheduling.Questions).Select(q => new ProposedItem(Question: q))).ToList();
        var answer = await PostAsync(Schedule, "/api/meetings", new ScheduleMeeting(CommissionId, OnOrganisationClock(Scheduling.ScheduledFor) ?? default, Scheduling.Place ?? "", agenda));
        if (answer is null)
        {
            await LoadAsync();
            return Page();
        }
        return DoneWith($"{Path}/{answer.Read<MeetingScheduledResponse>().Id}", "meeting-scheduled");
    }

    /// <summary>Whether the API's refusal concerns the form of <paramref name="action"/> for this commission.</summary>
    public bool RefusedHere(string action, Guid commissionId) => RefusedAction == action && CommissionId == commissionId;

    private async Task<IActionResult> AnsweredAsync(ApiAnswer? answer, string notice)
    {
        if (answer is not null) return DoneWith(Path, notice);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Commissions = await ReadAsync<List<Commission>>("/api/commissions") ?? [];
        Meetings = await ReadAsync<Paged<MeetingDetails>>($"/api/meetings?page={Number.ToString(CultureInfo.InvariantCulture)}");
        if (IsSecretary && HasAny(Roles.CaseReaders))
        {
            Referred = (await ReadAsync<Paged<CaseSummary>>("/api/cases?status=referred-to-commission&pageSize=100"))?.Items ?? [];
        }
    }
}
