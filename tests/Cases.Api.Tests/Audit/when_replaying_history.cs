using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Cases;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Audit;

public class when_replaying_history(AuditApiApp app) : AuditApiTests(app)
{
    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    /// <summary>What a reader saw of a case, without the actions its step allowed next, which a replay does not tell.</summary>
    private static string Seen(CaseRead read)
    {
        var json = JsonSerializer.SerializeToNode(read, JsonSerializerOptions.Web)!.AsObject();
        json.Remove("allowedActions");
        return Json(json.Deserialize<CaseSummary>(JsonSerializerOptions.Web)!);
    }

    [Fact]
    public async Task a_case_as_of_each_version_and_each_moment_is_what_it_was_then()
    {
        // What a reader saw after each step, to compare with what the replay rebuilds.
        var created = await RegisterAsync();
        var seen = new List<string> { Seen(await GetCaseAsync(created.Id)) };
        var version = created.Version;
        foreach (var (action, body) in CaseSteps.Upto(CaseStep.Closed))
        {
            version = (await CommandAsync(created.Id, action, body(version))).Version;
            seen.Add(Seen(await GetCaseAsync(created.Id)));
        }

        var history = await GetAsync<RecordedEvent[]>($"/api/cases/{created.Id}/history", AuditorToken);
        history.Length.ShouldBe(seen.Count);
        history.Select(e => e.Version).ShouldBe(Enumerable.Range(1, seen.Count).Select(v => (long)v));
        history[0].User.ShouldBe("registrar@nroc");
        history[1].User.ShouldBe("investigator@nroc");

        for (var n = 1; n <= seen.Count; n++)
        {
            var byVersion = await GetAsync<CaseSummary>($"/api/cases/{created.Id}/as-of?version={n}", AuditorToken);
            Json(byVersion).ShouldBe(seen[n - 1], $"as of version {n}");
            var byTime = await GetAsync<CaseSummary>($"/api/cases/{created.Id}/as-of?at={Uri.EscapeDataString(history[n - 1].Time.ToString("O"))}", AuditorToken);
            Json(byTime).ShouldBe(seen[n - 1], $"as of the moment of version {n}");
        }
        await RefusedAsync($"/api/cases/{created.Id}/as-of?at=2000-01-01T00:00:00Z", null, 404, AuditorToken);
        (await RefusedAsync($"/api/cases/{created.Id}/as-of", null, 400, AuditorToken)).Errors!.ShouldContainKey("asOf");
        await RefusedAsync($"/api/cases/{Guid.CreateVersion7()}/history", null, 404, AuditorToken);
        await RefusedAsync($"/api/meetings/{created.Id}/history", null, 404, AuditorToken);
        await RefusedAsync($"/api/sanctions/{created.Id}/as-of?version=1", null, 404, AuditorToken);
    }

    [Fact]
    public async Task a_case_entered_late_is_replayed_as_recorded_by_a_moment_and_as_in_effect_on_a_day()
    {
        App.Clock.Now = new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(6));
        var (caseId, version) = await FoundLateAsync(new DateOnly(2021, 3, 2), new DateOnly(2021, 3, 12), new DateOnly(2021, 2, 26));
        version = (await CommandAsync(caseId, "referral", new { expectedVersion = version, commission = "disciplinary", referredOn = "2021-03-15" })).Version;
        var beforeClosing = (await GetAsync<RecordedEvent[]>($"/api/cases/{caseId}/history", AuditorToken)).Last().Time;
        await CommandAsync(caseId, "closure", new { expectedVersion = version, outcome = "violation-confirmed", summary = "Remark proposed", closedOn = "2021-04-01" });
        string AsOf(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O"));

        // As recorded before the closing was entered: referred, even on a day after the closing's date.
        var recorded = await GetAsync<CaseSummary>($"/api/cases/{caseId}/as-of?asOf={AsOf(beforeClosing)}&effectiveOn=2021-05-01", AuditorToken);
        recorded.Status.ShouldBe(CaseStatus.ReferredToCommission);
        // Everything recorded, in effect on 20 March: referred, not yet closed; the older name of asOf says the same.
        var inEffect = await GetAsync<CaseSummary>($"/api/cases/{caseId}/as-of?effectiveOn=2021-03-20", AuditorToken);
        inEffect.Status.ShouldBe(CaseStatus.ReferredToCommission);
        inEffect.Finding!.OffenceCommittedOn.ShouldBe(new DateOnly(2021, 2, 26));
        inEffect.ClosedOn.ShouldBeNull();
        (await GetAsync<CaseSummary>($"/api/cases/{caseId}/as-of?at={AsOf(DateTimeOffset.UtcNow.AddMinutes(1))}&effectiveOn=2021-04-01", AuditorToken))
            .Status.ShouldBe(CaseStatus.Closed);
        // In effect on 10 March: heard, no finding yet.
        var heard = await GetAsync<CaseSummary>($"/api/cases/{caseId}/as-of?effectiveOn=2021-03-10", AuditorToken);
        heard.Finding.ShouldBeNull();
        heard.Explanations.Single().State.ShouldBe(ExplanationState.Given);
        await RefusedAsync($"/api/cases/{caseId}/as-of?effectiveOn=2021-03-01", null, 404, AuditorToken);

        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        (await RefusedAsync($"/api/cases/{caseId}/as-of?at={now}&asOf={now}", null, 400, AuditorToken)).Errors!.ShouldContainKey("at");
        (await RefusedAsync($"/api/cases/{caseId}/as-of?version=2&asOf={now}", null, 400, AuditorToken)).Errors!.ShouldContainKey("version");
        (await RefusedAsync($"/api/cases/{caseId}/as-of?effectiveOn=2021-02-30", null, 400, AuditorToken)).Errors!.ShouldContainKey("effectiveOn");
        (await RefusedAsync($"/api/cases/{caseId}/as-of?effectiveOn=1999-12-31", null, 400, AuditorToken)).Errors!.ShouldContainKey("effectiveOn");
        (await RefusedAsync($"/api/cases/{caseId}/as-of?asOf=2021-13-01T00:00:00Z", null, 400, AuditorToken)).Errors!.ShouldContainKey("asOf");
    }
}
