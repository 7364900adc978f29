using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Meetings;

public class when_authorising_commission_requests(MeetingApiApp app) : MeetingApiTests(app)
{
    /// <summary>Where a call can succeed: the resource it acts on must first be brought to this state.</summary>
    public enum Setup
    {
        None,
        Commission,
        Scheduled,
        Attended,
        Open,
        Voted,
        Signed,
        Decision,
        ExtensionRequested,
        ReferredCase
    }

    private const string Readers = Roles.CommissionReaders;

    /// <summary>Every commission, meeting and decision endpoint, the roles allowed, and a call that succeeds.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string Allowed, Setup Setup, Func<long, object>? Body)> Endpoints =
    [
        ("POST", "/api/commissions", Roles.Secretary, Setup.None,
            _ => new { name = "Ethics commission", kind = "ethics", establishedOn = "2021-01-04" }),
        ("POST", "/api/commissions/{id}/appointments", Roles.Secretary, Setup.Commission,
            v => new { expectedVersion = v, personnelNumber = "M-9", fullName = "New member", role = "member", from = "2021-06-01" }),
        ("POST", "/api/commissions/{id}/releases", Roles.Secretary, Setup.Commission,
            v => new { expectedVersion = v, personnelNumber = "M-5", until = "2021-06-30" }),
        ("GET", "/api/commissions/{id}", Readers, Setup.Commission, null),
        ("GET", "/api/commissions", Readers, Setup.None, null),
        ("POST", "/api/meetings", Roles.Secretary, Setup.Commission, null),
        ("POST", "/api/meetings/{id}/rescheduling", Roles.Secretary, Setup.Scheduled,
            v => new { expectedVersion = v, scheduledFor = "2021-11-16T10:00:00+06:00", reason = "Chair is ill" }),
        ("POST", "/api/meetings/{id}/cancellation", Roles.Secretary, Setup.Scheduled, v => new { expectedVersion = v, reason = "No agenda" }),
        ("POST", "/api/meetings/{id}/attendance", Roles.Secretary, Setup.Scheduled, v => new { expectedVersion = v, present = Voters }),
        ("POST", "/api/meetings/{id}/opening", Roles.Secretary, Setup.Attended, v => new { expectedVersion = v }),
        ("POST", "/api/meetings/{id}/conflicts", $"{Roles.Secretary},{Roles.Member}", Setup.Open,
            v => new { expectedVersion = v, itemNumber = 1, personnelNumber = "M-2", ground = "declared", reason = "My sister works there" }),
        ("POST", "/api/meetings/{id}/votes", Roles.Secretary, Setup.Open,
            v => new { expectedVersion = v, itemNumber = 1, votes = new[] { new { personnelNumber = Chair, vote = "for" } } }),
        ("POST", "/api/meetings/{id}/resolutions", Roles.Secretary, Setup.Voted, v => Proposal(v)),
        ("POST", "/api/meetings/{id}/signature", Roles.Secretary, Setup.Open, v => new { expectedVersion = v }),
        ("POST", "/api/meetings/{id}/corrections", Roles.Secretary, Setup.Signed, v => new { expectedVersion = v, correction = "Typo in item 1" }),
        ("GET", "/api/meetings/{id}", Readers, Setup.Scheduled, null),
        ("GET", "/api/meetings", Readers, Setup.None, null),
        ("POST", "/api/decisions/{id}/execution-reports", Roles.Secretary, Setup.Decision,
            v => new { expectedVersion = v, progress = "executed", report = "Done", evidence = new[] { "Order No. 1" } }),
        ("POST", "/api/decisions/{id}/extension-requests", Roles.Secretary, Setup.Decision,
            v => new { expectedVersion = v, proposedDueDate = "2022-01-15", reason = "Holidays" }),
        ("POST", "/api/decisions/{id}/extension-grant", Roles.Secretary, Setup.ExtensionRequested, v => new { expectedVersion = v }),
        ("POST", "/api/decisions/{id}/extension-refusal", Roles.Secretary, Setup.ExtensionRequested, v => new { expectedVersion = v, reason = "No" }),
        ("GET", "/api/decisions/{id}", Readers, Setup.Decision, null),
        ("GET", "/api/decisions", Readers, Setup.None, null),
        ("GET", "/api/decisions/open-by-executor", Readers, Setup.None, null),
        ("GET", "/api/decisions/execution-rate?from=2021-01-01&to=2021-12-31", Roles.ExecutionReaders, Setup.None, null),
        ("GET", "/api/cases/{id}/decisions", $"{Readers},{Roles.Investigator}", Setup.ReferredCase, null),
        ("POST", "/api/contacts", Roles.Intake, Setup.None, _ => new { channel = "call-centre", topic = "Opening hours", corruptionRelated = false }),
        ("GET", "/api/statistics?from=2021-01-01&to=2021-10-31", Roles.ExecutionReaders, Setup.None, null),
        ("GET", "/api/statistics/narrative?from=2021-01-01&to=2021-10-31", Roles.ExecutionReaders, Setup.None, null),
        ("GET", "/api/statistics/chart?from=2021-01-01&to=2021-10-31", Roles.ExecutionReaders, Setup.None, null),
        ("GET", "/api/statistics/rollup?from=2021-01-01&to=2021-10-31", Roles.Regional, Setup.None, null),
    ];

    public static TheoryData<string, string, string> AllowedCalls() => RoleMatrix.Allowed(Endpoints.Select(e => (e.Method, e.Path, e.Allowed.Split(','))));

    public static TheoryData<string, string, string> RefusedCalls() => RoleMatrix.Refused(Endpoints.Select(e => (e.Method, e.Path, e.Allowed.Split(','))));

    public static TheoryData<string, string> AllEndpoints() => RoleMatrix.Endpoints(Endpoints.Select(e => (e.Method, e.Path)));

    /// <summary>The endpoints that act on one commission, meeting, decision or case.</summary>
    public static TheoryData<string, string> ResourceEndpoints() =>
        RoleMatrix.Endpoints(Endpoints.Where(e => e.Path.Contains("{id}")).Select(e => (e.Method, e.Path)));

    /// <summary>Brings a resource to the state the call needs: its id, its version, and the body for scheduling.</summary>
    private async Task<(Guid Id, long Version, object? Body)> ArrangeAsync(Setup setup)
    {
        switch (setup)
        {
            case Setup.None:
                return (Guid.Empty, 0, null);
            case Setup.Commission:
                var commissionId = await CommissionAsync();
                var commission = await GetAsync<Domain.Commissions.Commission>($"/api/commissions/{commissionId}", SecretaryToken);
                return (commissionId, commission.Version,
                    new { commissionId, scheduledFor = MeetingTime, place = "Room 1", agenda = new[] { new { question = "Annual report" } } });
            case Setup.Scheduled:
                var scheduled = await ScheduleAsync(await CommissionAsync());
                return (scheduled.Id, scheduled.Version, null);
            case Setup.Attended:
                var attended = await ScheduleAsync(await CommissionAsync());
                return (attended.Id, (await MeetingCommandAsync(attended.Id, "attendance", new { expectedVersion = attended.Version, present = Voters })).Version, null);
            case Setup.Open:
                var (openId, openVersion) = await OpenMeetingAsync(await CommissionAsync(), Voters);
                return (openId, openVersion, null);
            case Setup.Voted:
                var (votedId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
                return (votedId, await VoteAsync(votedId, version, 1, Voters.Select(v => (v, "for")).ToArray()), null);
            case Setup.Signed:
                var (signedId, beforeSigning) = await OpenMeetingAsync(await CommissionAsync(), Voters);
                return (signedId, (await MeetingCommandAsync(signedId, "signature", new { expectedVersion = beforeSigning })).Version, null);
            case Setup.Decision:
                return ((await AdoptedDecisionAsync()).DecisionId!.Value, 1, null);
            case Setup.ExtensionRequested:
                var decisionId = (await AdoptedDecisionAsync()).DecisionId!.Value;
                var requested = await DecisionCommandAsync(decisionId, "extension-requests",
                    new { expectedVersion = 1, proposedDueDate = "2022-01-15", reason = "Holidays" });
                return (decisionId, requested.Version, null);
            default:
                return (await ReferredCaseAsync(), 0, null);
        }
    }

    /// <summary>A member acts as M-2, whose conflict they may declare; other roles act as themselves.</summary>
    private string TokenFor(string role) => role == Roles.Member ? MemberToken("M-2") : App.Token(Org, role);

    private async Task<(string Url, object? Body)> PrepareAsync(string method, string path)
    {
        var (_, _, _, setup, body) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var (id, version, arranged) = await ArrangeAsync(setup);
        return (path.Replace("{id}", id.ToString()), body?.Invoke(version) ?? arranged);
    }

    [Theory]
    [MemberData(nameof(AllowedCalls))]
    public async Task an_allowed_role_succeeds(string method, string path, string role)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, TokenFor(role), method == "GET" ? 200 : path is "/api/commissions" or "/api/meetings" or "/api/contacts" ? 201 : 200);

        if (method == "GET") (await App.CountAllEventsAsync()).ShouldBe(events);
        else (await App.CountAllEventsAsync()).ShouldBeGreaterThan(events);
    }

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task another_role_is_403_and_writes_nothing(string method, string path, string role)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, TokenFor(role), 403);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task no_token_is_401(string method, string path) =>
        await CallAsync(method, path.Replace("{id}", Guid.CreateVersion7().ToString()), null, null, 401);

    [Theory]
    [MemberData(nameof(ResourceEndpoints))]
    public async Task another_organisation_finds_nothing_and_changes_nothing(string method, string path)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();
        var (_, _, allowed, _, _) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var outsider = App.Token(OtherOrg, allowed.Split(',')[0]);

        await CallAsync(method, url, body, outsider, 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }
}
