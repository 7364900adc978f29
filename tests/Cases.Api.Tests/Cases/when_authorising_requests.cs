using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_authorising_requests(CaseApiApp app) : CaseApiTests(app)
{
    /// <summary>
    /// Every case endpoint: the roles allowed to call it, the step a case must have reached for the call to succeed,
    /// and a valid body. All other roles are refused.
    /// </summary>
    public static readonly IReadOnlyList<(string Method, string Path, string[] Allowed, CaseStep? Step, Func<long, object>? Body)> Endpoints =
    [
        ("POST", "/api/cases", [Roles.Registrar, Roles.Investigator], null, _ => Registration()),
        ("POST", "/api/cases/{id}/acknowledgement", [Roles.Registrar, Roles.Investigator], CaseStep.Registered, v => new { expectedVersion = v }),
        ("POST", "/api/cases/{id}/subjects", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, personnelNumber = "E-2077" }),
        ("POST", "/api/cases/{id}/assignment", [Roles.Investigator], CaseStep.Acknowledged, v => new { expectedVersion = v, investigator = "d.sultanova" }),
        ("POST", "/api/cases/{id}/reassignment", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, investigator = "k.omarov" }),
        ("POST", "/api/cases/{id}/explanation-requests", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, personnelNumber = "E-1042" }),
        ("POST", "/api/cases/{id}/explanations", [Roles.Investigator], CaseStep.ExplanationRequested, v => new { expectedVersion = v, personnelNumber = "E-1042", text = "Busy" }),
        ("POST", "/api/cases/{id}/evidence", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, fileName = "a.pdf", mediaType = "application/pdf", sizeBytes = 1, sha256 = new string('c', 64), description = "d" }),
        ("POST", "/api/cases/{id}/finding", [Roles.Investigator], CaseStep.ExplanationGiven, v => new { expectedVersion = v, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new[] { "4.2" }, corruptionRelated = false, summary = "s" }),
        ("POST", "/api/cases/{id}/referral", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, commission = "ethics" }),
        ("POST", "/api/cases/{id}/closure", [Roles.Investigator], CaseStep.Assigned, v => new { expectedVersion = v, outcome = "withdrawn", summary = "s" }),
        ("POST", "/api/cases/{id}/reopening", [Roles.Investigator], CaseStep.Closed, v => new { expectedVersion = v, reason = "r" }),
        ("GET", "/api/cases/{id}", Roles.CaseReaders.Split(','), CaseStep.Registered, null),
        ("GET", "/api/cases", Roles.CaseReaders.Split(','), null, null),
    ];

    public static TheoryData<string, string, string> AllowedCalls() => RoleMatrix.Allowed(Endpoints.Select(e => (e.Method, e.Path, e.Allowed)));

    public static TheoryData<string, string, string> RefusedCalls() => RoleMatrix.Refused(Endpoints.Select(e => (e.Method, e.Path, e.Allowed)));

    public static TheoryData<string, string> AllEndpoints() => RoleMatrix.Endpoints(Endpoints.Select(e => (e.Method, e.Path)));

    [Theory]
    [MemberData(nameof(AllowedCalls))]
    public async Task an_allowed_role_succeeds(string method, string path, string role)
    {
        var (_, _, _, step, body) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var (id, version) = step is { } needed ? await CaseAtAsync(needed) : (Guid.Empty, 0L);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, path.Replace("{id}", id.ToString()), body?.Invoke(version), App.Token(Org, role),
            method == "GET" ? 200 : path == "/api/cases" ? 201 : 200);

        (await App.CountAllEventsAsync()).ShouldBe(method == "GET" ? events : events + 1);
    }

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task another_role_is_403_and_writes_nothing(string method, string path, string role)
    {
        var (_, _, _, step, body) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var (id, version) = step is { } needed ? await CaseAtAsync(needed) : (Guid.Empty, 0L);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, path.Replace("{id}", id.ToString()), body?.Invoke(version), App.Token(Org, role), 403);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task no_token_is_401(string method, string path) =>
        await CallAsync(method, path.Replace("{id}", Guid.CreateVersion7().ToString()), null, null, 401);

    [Fact]
    public async Task an_expired_token_is_401()
    {
        var expired = DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [Roles.Investigator], "late",
            DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1));
        await CallAsync("GET", "/api/cases", null, expired, 401);
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_401()
    {
        var forged = DevelopmentTokens.Mint("another-key-of-the-same-length-as-the-real-one-000000000", Org,
            [Roles.Investigator], "mallory", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await CallAsync("GET", "/api/cases", null, forged, 401);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_401()
    {
        var other = DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [Roles.Investigator], "eve",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1), audience: "payroll");
        await CallAsync("GET", "/api/cases", null, other, 401);
    }

    [Fact]
    public async Task a_token_without_an_organisation_is_403()
    {
        var orphan = DevelopmentTokens.Mint(CasesApp.SigningKey, "", [Roles.Registrar], "nobody",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await CallAsync("POST", "/api/cases", Registration(), orphan, 403);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
