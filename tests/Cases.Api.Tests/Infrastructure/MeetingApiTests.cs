using Cases.Api.Commissions;
using Cases.Api.Contacts;
using Cases.Api.Sanctions;
using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>Base of the commission tests, on their own host.</summary>
[Collection(MeetingApiCollection.Name)]
public abstract class MeetingApiTests(MeetingApiApp app) : MeetingApiTests<MeetingApiApp>(app);

/// <summary>
/// Base of the commission tests on any host. The standard commission has five voting members, so its quorum is three,
/// and a secretary who does not vote; every member has a login named after their personnel number.
/// </summary>
public abstract class MeetingApiTests<TApp>(TApp app) : ApiTests<TApp>(app) where TApp : CasesApp
{
    public const string Chair = "M-1";
    public static readonly string[] Voters = [Chair, "M-2", "M-3", "M-4", "M-5"];
    public const string Secretary = "S-1";

    /// <summary>The subject of the cases these tests refer to the commission (see <see cref="CaseSteps"/>).</summary>
    public const string CaseSubject = "E-1042";

    /// <summary>The meeting's day in the organisation's time zone (Asia/Almaty, UTC+6 in 2021) is the test clock's day.</summary>
    public const string MeetingTime = "2021-11-15T10:00:00+06:00";

    /// <summary>The organisation of the commission the helpers build and act for; a regional one's tests name theirs.</summary>
    protected virtual string CommissionOrg => Org;

    protected string SecretaryToken => App.Token(CommissionOrg, Roles.Secretary);
    protected string MemberToken(string personnelNumber) => App.UserToken(CommissionOrg, Login(personnelNumber), Roles.Member);
    protected static string Login(string personnelNumber) => personnelNumber.ToLowerInvariant();

    protected async Task<Guid> CommissionAsync(string quorum = "more-than-half", string majority = "more-than-half-of-present",
        bool chairHasCastingVote = false, string[]? voters = null)
    {
        var created = await PostAsync<CommissionEstablishedResponse>("/api/commissions", new
        {
            name = "Disciplinary commission",
            kind = "disciplinary",
            establishedOn = "2021-01-04",
            quorum,
            majority,
            chairHasCastingVote
        }, SecretaryToken, 201);
        var version = created.Version;
        foreach (var (member, i) in (voters ?? Voters).Select((m, i) => (m, i)))
        {
            version = (await AppointAsync(created.Id, version, member, i == 0 ? "chair" : "member")).Version;
        }
        await AppointAsync(created.Id, version, Secretary, "secretary");
        return created.Id;
    }

    protected Task<Written> AppointAsync(Guid commissionId, long version, string personnelNumber, string role, string from = "2021-01-04") =>
        PostAsync<Written>($"/api/commissions/{commissionId}/appointments", new
        {
            expectedVersion = version,
            personnelNumber,
            fullName = $"Member {personnelNumber}",
            role,
            from,
            userName = Login(personnelNumber)
        }, SecretaryToken);

    /// <summary>A case about employee <see cref="CaseSubject"/> referred to the commission, optionally complained of by an employee.</summary>
    protected async Task<Guid> ReferredCaseAsync(string? complainantEmployee = null)
    {
        var created = await RegisterAsync(Registration(subjects: [CaseSubject],
            complainant: complainantEmployee is null ? null : new { anonymous = false, name = "A colleague", personnelNumber = complainantEmployee }));
        var version = created.Version;
        foreach (var (action, body) in CaseSteps.Upto(CaseStep.Referred))
        {
            version = (await CommandAsync(created.Id, action, body(version))).Version;
        }
        return created.Id;
    }

    protected async Task<MeetingScheduledResponse> ScheduleAsync(Guid commissionId, params object[] agenda) =>
        await PostAsync<MeetingScheduledResponse>("/api/meetings", new
        {
            commissionId,
            scheduledFor = MeetingTime,
            place = "Conference room, 3rd floor",
            agenda = agenda.Length == 0 ? [new { question = "Report of the compliance service for 10 months" }] : agenda
        }, SecretaryToken, 201);

    protected Task<Written> MeetingCommandAsync(Guid meetingId, string action, object body) =>
        PostAsync<Written>($"/api/meetings/{meetingId}/{action}", body, SecretaryToken);

    protected Task<MeetingDetails> MeetingAsync(Guid meetingId) => GetAsync<MeetingDetails>($"/api/meetings/{meetingId}", SecretaryToken);

    /// <summary>A meeting of the commission in session, with the given members present.</summary>
    protected async Task<(Guid Id, long Version)> OpenMeetingAsync(Guid commissionId, string[] present, params object[] agenda)
    {
        var meeting = await ScheduleAsync(commissionId, agenda);
        var version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present })).Version;
        version = (await MeetingCommandAsync(meeting.Id, "opening", new { expectedVersion = version })).Version;
        return (meeting.Id, version);
    }

    protected async Task<long> VoteAsync(Guid meetingId, long version, int item, params (string Member, string Vote)[] votes) =>
        (await MeetingCommandAsync(meetingId, "votes", new
        {
            expectedVersion = version,
            itemNumber = item,
            votes = votes.Select(v => new { personnelNumber = v.Member, vote = v.Vote }).ToArray()
        })).Version;

    protected static object Proposal(long version, int item = 1, string dueDate = "2021-12-15", string executor = "Head of the surgical department") => new
    {
        expectedVersion = version,
        itemNumber = item,
        kind = "instruction",
        text = "Hold a staff meeting on patient communication",
        executor = new { kind = "person", name = executor },
        dueDate
    };

    protected Task<ItemResolvedResponse> ResolveAsync(Guid meetingId, object proposal) =>
        PostAsync<ItemResolvedResponse>($"/api/meetings/{meetingId}/resolutions", proposal, SecretaryToken);

    /// <summary>A decision adopted unanimously by the standard commission; answers its id.</summary>
    protected async Task<ItemResolvedResponse> AdoptedDecisionAsync(string dueDate = "2021-12-15", string executor = "Head of the surgical department",
        Guid? commissionId = null)
    {
        var (meetingId, version) = await OpenMeetingAsync(commissionId ?? await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, Voters.Select(v => (v, "for")).ToArray());
        return await ResolveAsync(meetingId, Proposal(version, dueDate: dueDate, executor: executor));
    }

    protected Task<DecisionSummary> DecisionAsync(Guid decisionId) => GetAsync<DecisionSummary>($"/api/decisions/{decisionId}", SecretaryToken);

    protected Task<Written> DecisionCommandAsync(Guid decisionId, string action, object body) =>
        PostAsync<Written>($"/api/decisions/{decisionId}/{action}", body, SecretaryToken);

    /// <summary>One record of every kind, in the organisation: cases (one closed, one reopened), a calendar, an absence, a
    /// sanction, another organisation's case, a contact, a commission, a held meeting and a decision being executed.</summary>
    protected async Task<Estate> EveryKindOfRecordAsync()
    {
        var hr = App.Token(Org, Roles.Hr);
        await PostAsync<Written>("/api/calendar/2021", new { expectedVersion = 0, holidays = new[] { "2021-12-16" }, workingWeekendDays = Array.Empty<string>() }, hr);
        await CaseAtAsync(CaseStep.Closed);
        var (reopened, version) = await CaseAtAsync(CaseStep.Closed);
        await CommandAsync(reopened, "reopening", new { expectedVersion = version, reason = "New facts" });
        await PostAsync<Written>($"/api/employees/{CaseSubject}/absences", new { expectedVersion = 0, kind = "vacation", from = "2021-07-01", to = "2021-07-10" }, hr);
        var offence = await ReferredCaseAsync(complainantEmployee: "M-5");
        var sanction = await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = CaseSubject, caseId = offence, type = "remark", orderNumber = "7-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, hr, 201);
        await PostAsync<Written>($"/api/sanctions/{sanction.Id}/announcement", new { expectedVersion = 1 }, hr);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        var contact = await PostAsync<ContactRecordedResponse>("/api/contacts",
            new { channel = "hotline", topic = "Bribe hinted at", corruptionRelated = true, contactedOn = "2021-06-30" }, Registrar, 201);

        var commissionId = await CommissionAsync();
        var (meetingId, meetingVersion) = await OpenMeetingAsync(commissionId, Voters, new { caseId = offence }, new { question = "Annual plan" });
        meetingVersion = await VoteAsync(meetingId, meetingVersion, 1, Voters.Where(v => v != "M-5").Select(v => (v, "for")).ToArray());
        var adopted = await ResolveAsync(meetingId, Proposal(meetingVersion));
        await MeetingCommandAsync(meetingId, "signature", new { expectedVersion = adopted.Version });
        await DecisionCommandAsync(adopted.DecisionId!.Value, "execution-reports",
            new { expectedVersion = 1, progress = "partially-executed", report = "Half done", evidence = Array.Empty<string>() });
        return new Estate(offence, commissionId, meetingId, adopted.DecisionId.Value, sanction.Id, contact.Id);
    }

    /// <summary>The ids of <see cref="EveryKindOfRecordAsync"/>'s records; the employee is <see cref="CaseSubject"/>.</summary>
    protected sealed record Estate(Guid CaseId, Guid CommissionId, Guid MeetingId, Guid DecisionId, Guid SanctionId, Guid ContactId);
}
