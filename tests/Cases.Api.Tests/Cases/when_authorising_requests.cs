using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_authorising_requests(CaseApiApp app) : CaseApiTests(app)
{
    /// <summary>Every case endpoint with the roles allowed to call it; all other roles are refused.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string[] Allowed)> Endpoints =
    [
        ("POST", "/api/cases", [Roles.Registrar, Roles.Investigator]),
        ("POST", "/api/cases/{id}/acknowledgement", [Roles.Registrar, Roles.Investigator]),
        ("POST", "/api/cases/{id}/assignment", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/reassignment", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/explanation-requests", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/explanations", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/evidence", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/finding", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/referral", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/closure", [Roles.Investigator]),
        ("POST", "/api/cases/{id}/reopening", [Roles.Investigator]),
        ("GET", "/api/cases/{id}", [Roles.Registrar, Roles.Investigator, Roles.Hr, Roles.Secretary, Roles.Member, Roles.Auditor]),
        ("GET", "/api/cases", [Roles.Registrar, Roles.Investigator, Roles.Hr, Roles.Secretary, Roles.Member, Roles.Auditor]),
    ];

    public static TheoryData<string, string, string, bool> RoleMatrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (method, path, allowed) in Endpoints)
        foreach (var role in Roles.All)
        {
            data.Add(method, path, role, allowed.Contains(role));
        }
        return data;
    }

    public static TheoryData<string, string> AllEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _) in Endpoints) data.Add(method, path);
        return data;
    }

    private Task<IScenarioResult> Call(string method, string path, string? token, int? status = null) =>
        App.Host.Scenario(s =>
        {
            // An empty JSON object: authorisation is decided before the body is even read.
            var url = path.Replace("{id}", Guid.CreateVersion7().ToString());
            if (method == "GET") s.Get.Url(url);
            else s.Post.Json(new { }).ToUrl(url);
            if (token is not null) s.WithBearerToken(token);
            if (status is { } expected) s.StatusCodeShouldBe(expected);
            else s.IgnoreStatusCode();
        });

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task each_role_is_allowed_or_refused_as_the_matrix_says(string method, string path, string role, bool allowed)
    {
        var result = await Call(method, path, App.Token(Org, role));

        var status = result.Context.Response.StatusCode;
        if (allowed) status.ShouldBeOneOf(200, 400, 404);
        else status.ShouldBe(403);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task no_token_is_401(string method, string path) => await Call(method, path, null, 401);

    [Fact]
    public async Task an_expired_token_is_401()
    {
        var expired = DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [Roles.Investigator], "late",
            DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1));
        await Call("GET", "/api/cases", expired, 401);
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_401()
    {
        var forged = DevelopmentTokens.Mint("another-key-of-the-same-length-as-the-real-one-000000000", Org,
            [Roles.Investigator], "mallory", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await Call("GET", "/api/cases", forged, 401);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_401()
    {
        var other = DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [Roles.Investigator], "eve",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1), audience: "payroll");
        await Call("GET", "/api/cases", other, 401);
    }

    [Fact]
    public async Task a_token_without_an_organisation_is_403()
    {
        var orphan = DevelopmentTokens.Mint(CasesApp.SigningKey, "", [Roles.Registrar], "nobody",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await Call("POST", "/api/cases", orphan, 403);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_allowed_role_really_writes()
    {
        (await RegisterAsync(token: App.Token(Org, Roles.Investigator))).Number.ShouldBe("2021-0001");
    }
}
