using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// Each resource has one path: lower-case route words, no trailing or doubled slash, record ids as the API writes them.
/// Another spelling is 404 (no such resource), a path that climbs or hides a slash is 400, and neither reaches an
/// endpoint, so that a proxy rule, a log line and an Idempotency-Key fingerprint all see what the endpoint serves.
/// </summary>
public class when_a_path_is_not_canonical(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task a_record_id_has_one_spelling()
    {
        var created = await RegisterAsync();
        var id = created.Id;

        (await GetStatusAsync($"/api/cases/{id}")).ShouldBe(200);
        foreach (var spelling in new[] { id.ToString("N"), id.ToString("B"), id.ToString("P"), id.ToString().ToUpperInvariant() })
        {
            (await GetStatusAsync($"/api/cases/{Uri.EscapeDataString(spelling)}")).ShouldBe(404, spelling);
        }
    }

    [Fact]
    public async Task routes_are_lower_case_without_a_trailing_or_doubled_slash()
    {
        var created = await RegisterAsync();

        foreach (var path in new[] { "/api/Cases", "/API/cases", $"/api/cases/{created.Id}/", "/api//cases", $"/api/cases/{created.Id}/History" })
        {
            (await GetStatusAsync(path)).ShouldBe(404, path);
        }
        await RefusedAsync($"/api/cases/{created.Id}/Acknowledgement", new { expectedVersion = 1 }, 404, Registrar);
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_path_that_climbs_or_hides_a_slash_is_400()
    {
        await RegisterAsync();

        foreach (var path in new[] { "/api/cases/%2e%2e/commissions", "/api/cases/../commissions", "/api/cases/.%2E/commissions",
                     "/api/cases%2Fx", "/api/cases%5Cx", "/api/cases/%252e%252e/commissions" })
        {
            var problem = await RefusedAsync(path, null, 400, Registrar);
            problem.Detail.ShouldNotBeNull(path);
        }
        await RefusedAsync("/api/cases/%2e%2e/commissions", new { name = "Ethics commission" }, 400, App.Token(Org, Roles.Secretary));
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task an_idempotency_key_retried_on_another_spelling_is_refused_and_claims_nothing()
    {
        var created = await RegisterAsync();
        const string key = "ack-0001";

        await AcknowledgeAsync($"/api/cases/{created.Id}/acknowledgement", key, 200);
        await AcknowledgeAsync($"/api/cases/{created.Id.ToString().ToUpperInvariant()}/acknowledgement", key, 404);
        await AcknowledgeAsync($"/api/CASES/{created.Id}/acknowledgement", key, 404);
        var replay = await AcknowledgeAsync($"/api/cases/{created.Id}/acknowledgement", key, 200);

        replay.Context.Response.Headers[Idempotency.ReplayedHeader].ToString().ShouldBe("true");
        (await App.CountAllEventsAsync()).ShouldBe(2);
    }

    private Task<IScenarioResult> AcknowledgeAsync(string url, string key, int status) =>
        App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl(url);
            s.WithBearerToken(Registrar);
            s.WithRequestHeader(Idempotency.Header, key);
            s.StatusCodeShouldBe(status);
        });

    private async Task<int> GetStatusAsync(string url)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(Registrar);
            s.IgnoreStatusCode();
        });
        if (result.Context.Response.StatusCode >= 400) result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        return result.Context.Response.StatusCode;
    }
}
