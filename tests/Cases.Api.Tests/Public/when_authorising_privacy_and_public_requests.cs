using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Public;

/// <summary>The role matrix of the endpoints on public reports, personal data and retention; the public ones take no token.</summary>
public class when_authorising_privacy_and_public_requests(PublicApiApp app) : PublicApiTests(app)
{
    /// <summary>Every such endpoint with a token: the roles allowed to call it, and a valid body for a public report with a contact.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string[] Allowed, Func<long, object>? Body)> Endpoints =
    [
        ("POST", "/api/cases/{id}/messages", [Roles.Investigator], v => new { expectedVersion = v, text = "When can we talk?" }),
        ("GET", "/api/cases/{id}/messages", [Roles.Investigator, Roles.Auditor], null),
        ("POST", "/api/cases/{id}/complainant/erasure", [Roles.DataProtection], v => new { expectedVersion = v, reason = "Asked by the person" }),
        ("GET", "/api/cases/{id}/complainant", [Roles.Registrar, Roles.Investigator, Roles.Auditor], null),
        ("POST", "/api/retention/archival", [Roles.DataProtection], _ => new { }),
    ];

    public static TheoryData<string, string, string> AllowedCalls() => RoleMatrix.Allowed(Endpoints.Select(e => (e.Method, e.Path, e.Allowed)));

    public static TheoryData<string, string, string> RefusedCalls() => RoleMatrix.Refused(Endpoints.Select(e => (e.Method, e.Path, e.Allowed)));

    public static TheoryData<string, string> AllEndpoints() => RoleMatrix.Endpoints(Endpoints.Select(e => (e.Method, e.Path)));

    private async Task<(string Url, object? Body)> PrepareAsync(string method, string path)
    {
        await ReportAsync(IdentifiedReport());
        var summary = await PublicCaseAsync();
        var body = Endpoints.Single(e => e.Method == method && e.Path == path).Body?.Invoke(summary.Version);
        return (path.Replace("{id}", summary.Id.ToString()), body);
    }

    [Theory]
    [MemberData(nameof(AllowedCalls))]
    public async Task an_allowed_role_succeeds(string method, string path, string role)
    {
        var (url, body) = await PrepareAsync(method, path);
        var events = await App.CountAllEventsAsync();

        await CallAsync(method, url, body, App.Token(Org, role), 200);

        // A read of the complainant is itself recorded; archiving finds nothing old enough here.
        (await App.CountAllEventsAsync()).ShouldBe(method == "POST" && !path.StartsWith("/api/retention") || path.EndsWith("complainant") ? events + 1 : events);
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

    [Fact]
    public async Task the_public_endpoints_take_no_token()
    {
        var receipt = await ReportAsync();

        await PublicAsync("GET", $"/api/public/{Org}/report", null, 200, receipt.ReceiptCode);
        await PublicAsync("POST", $"/api/public/{Org}/report/messages", new { text = "More details" }, 201, receipt.ReceiptCode);
    }

    [Fact]
    public async Task a_token_of_another_organisation_opens_no_report_of_this_one()
    {
        var receipt = await ReportAsync();

        await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/public/{Org}/report");
            s.WithRequestHeader(Api.Public.PublicChannel.ReceiptHeader, receipt.ReceiptCode);
            s.WithBearerToken(App.Token(OtherOrg, Roles.Investigator));
            s.StatusCodeShouldBe(404);
        });
    }
}
