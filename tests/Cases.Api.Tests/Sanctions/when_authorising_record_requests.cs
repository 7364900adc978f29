using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Sanctions;

public class when_authorising_record_requests(SanctionApiApp app) : SanctionApiTests(app)
{
    public enum Setup
    {
        None,
        Offence,
        Absence,
        Sanction,
        Appealed
    }

    /// <summary>Every calendar, employee, sanction and deadline endpoint, the roles allowed, and a call that succeeds.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string Allowed, Setup Setup, Func<Guid, long, object>? Body)> Endpoints =
    [
        ("POST", "/api/calendar/2021", Roles.Hr, Setup.None,
            (_, _) => new { expectedVersion = 0, holidays = new[] { "2021-12-16" }, workingWeekendDays = Array.Empty<string>() }),
        ("GET", "/api/calendar", Roles.CaseReaders, Setup.None, null),
        ("POST", $"/api/employees/{Employee}/absences", Roles.Hr, Setup.None,
            (_, _) => new { expectedVersion = 0, kind = "vacation", from = "2021-07-01", to = "2021-07-14" }),
        ("POST", $"/api/employees/{Employee}/absence-cancellations", Roles.Hr, Setup.Absence,
            (id, v) => new { expectedVersion = v, absenceId = id, reason = "Recorded in error" }),
        ("GET", $"/api/employees/{Employee}", Roles.RecordReaders, Setup.Absence, null),
        ("POST", "/api/sanctions", Roles.Hr, Setup.Offence, (id, _) => Order(id)),
        ("POST", "/api/sanctions/{id}/announcement", Roles.Hr, Setup.Sanction, (_, v) => new { expectedVersion = v }),
        ("POST", "/api/sanctions/{id}/appeal", Roles.Hr, Setup.Sanction, (_, v) => new { expectedVersion = v, authority = "Court" }),
        ("POST", "/api/sanctions/{id}/appeal-decision", Roles.Hr, Setup.Appealed, (_, v) => new { expectedVersion = v, outcome = "upheld" }),
        ("POST", "/api/sanctions/{id}/lifting", Roles.Hr, Setup.Sanction, (_, v) => new { expectedVersion = v, liftedBy = "Director", reason = "Merit" }),
        ("GET", "/api/sanctions/{id}", Roles.RecordReaders, Setup.Sanction, null),
        ("GET", "/api/sanctions", Roles.RecordReaders, Setup.None, null),
        ("GET", "/api/deadlines", Roles.DeadlineReaders, Setup.None, null),
    ];

    public static TheoryData<string, string, string> AllowedCalls() => RoleMatrix.Allowed(Endpoints.Select(e => (e.Method, e.Path, e.Allowed.Split(','))));

    public static TheoryData<string, string, string> RefusedCalls() => RoleMatrix.Refused(Endpoints.Select(e => (e.Method, e.Path, e.Allowed.Split(','))));

    public static TheoryData<string, string> AllEndpoints() => RoleMatrix.Endpoints(Endpoints.Select(e => (e.Method, e.Path)));

    /// <summary>The endpoints that act on one record of the organisation: the sanction, the employee's record.</summary>
    public static TheoryData<string, string> RecordEndpoints() => RoleMatrix.Endpoints(Endpoints
        .Where(e => e.Setup is Setup.Absence or Setup.Sanction or Setup.Appealed).Select(e => (e.Method, e.Path)));

    /// <summary>The id the call is about (case, absence or sanction) and the version to expect.</summary>
    private async Task<(Guid Id, long Version)> ArrangeAsync(Setup setup)
    {
        switch (setup)
        {
            case Setup.Offence:
                return (await OffenceAsync(), 0);
            case Setup.Absence:
                var recorded = await AbsenceAsync("vacation", "2021-07-01", "2021-07-14");
                return ((await HistoryAsync()).Absences.Single().Id, recorded.Version);
            case Setup.Sanction:
                return ((await ImposeAsync(Order(await OffenceAsync()))).Id, 1);
            case Setup.Appealed:
                var sanctionId = (await ImposeAsync(Order(await OffenceAsync()))).Id;
                return (sanctionId, (await SanctionCommandAsync(sanctionId, "appeal", new { expectedVersion = 1, authority = "Court" })).Version);
            default:
                return (Guid.Empty, 0);
        }
    }

    private async Task<(string Url, object? Body)> PrepareAsync(string method, string path)
    {
        var (_, _, _, setup, body) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var (id, version) = await ArrangeAsync(setup);
        return (path.Replace("{id}", id.ToString()), body?.Invoke(id, version));
    }

    [Theory]
    [MemberData(nameof(AllowedCalls))]
    public async Task an_allowed_role_succeeds(string method, string path, string role)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, App.Token(Org, role), method == "GET" ? 200 : path == "/api/sanctions" ? 201 : 200);

        if (method == "GET") (await App.CountAllEventsAsync()).ShouldBe(events);
        else (await App.CountAllEventsAsync()).ShouldBeGreaterThan(events);
    }

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task another_role_is_403_and_writes_nothing(string method, string path, string role)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, App.Token(Org, role), 403);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task no_token_is_401(string method, string path) =>
        await CallAsync(method, path.Replace("{id}", Guid.CreateVersion7().ToString()), null, null, 401);

    [Theory]
    [MemberData(nameof(RecordEndpoints))]
    public async Task another_organisation_finds_nothing_and_changes_nothing(string method, string path)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, App.Token(OtherOrg, Roles.Hr), 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task another_organisation_cannot_sanction_for_a_case_it_does_not_have()
    {
        var caseId = await OffenceAsync();
        var events = await App.CountAllEventsAsync();

        await CallAsync("POST", "/api/sanctions", Order(caseId), App.Token(OtherOrg, Roles.Hr), 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await GetAsync<Paged<Projections.Sanctions.SanctionSummary>>("/api/sanctions", App.Token(OtherOrg, Roles.Hr))).Items.ShouldBeEmpty();
    }
}
