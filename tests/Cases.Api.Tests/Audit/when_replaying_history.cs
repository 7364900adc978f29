using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Audit;

public class when_replaying_history(AuditApiApp app) : AuditApiTests(app)
{
    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    [Fact]
    public async Task a_case_as_of_each_version_and_each_moment_is_what_it_was_then()
    {
        // What a reader saw after each step, to compare with what the replay rebuilds.
        var created = await RegisterAsync();
        var seen = new List<CaseSummary> { await GetCaseAsync(created.Id) };
        var version = created.Version;
        foreach (var (action, body) in CaseSteps.Upto(CaseStep.Closed))
        {
            version = (await CommandAsync(created.Id, action, body(version))).Version;
            seen.Add(await GetCaseAsync(created.Id));
        }

        var history = await GetAsync<RecordedEvent[]>($"/api/cases/{created.Id}/history", AuditorToken);
        history.Length.ShouldBe(seen.Count);
        history.Select(e => e.Version).ShouldBe(Enumerable.Range(1, seen.Count).Select(v => (long)v));
        history[0].User.ShouldBe("registrar@nroc");
        history[1].User.ShouldBe("investigator@nroc");

        for (var n = 1; n <= seen.Count; n++)
        {
            var byVersion = await GetAsync<CaseSummary>($"/api/cases/{created.Id}/as-of?version={n}", AuditorToken);
            Json(byVersion).ShouldBe(Json(seen[n - 1]), $"as of version {n}");
            var byTime = await GetAsync<CaseSummary>($"/api/cases/{created.Id}/as-of?at={Uri.EscapeDataString(history[n - 1].Time.ToString("O"))}", AuditorToken);
            Json(byTime).ShouldBe(Json(seen[n - 1]), $"as of the moment of version {n}");
        }
        await RefusedAsync($"/api/cases/{created.Id}/as-of?at=2000-01-01T00:00:00Z", null, 404, AuditorToken);
        (await RefusedAsync($"/api/cases/{created.Id}/as-of", null, 400, AuditorToken)).Errors!.ShouldContainKey("version");
        await RefusedAsync($"/api/cases/{Guid.CreateVersion7()}/history", null, 404, AuditorToken);
        await RefusedAsync($"/api/meetings/{created.Id}/history", null, 404, AuditorToken);
        await RefusedAsync($"/api/sanctions/{created.Id}/as-of?version=1", null, 404, AuditorToken);
    }
}
