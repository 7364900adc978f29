using Cases.Api.Infrastructure;
using Cases.Api.Monitoring;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Monitoring;
using Cases.Projections.Monitoring;

namespace Cases.Api.Tests.Monitoring;

/// <summary>A round is corrected, all its fields at once, or withdrawn: withdrawn, it counts nowhere and stays readable.</summary>
public class when_correcting_a_monitoring_round(CaseApiApp app) : CaseApiTests(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);

    private static object Round(string kind = "media", int itemsReviewed = 60, object[]? findings = null, object? procurement = null) => new
    {
        kind, from = "2021-01-01", to = "2021-10-31", sources = new[] { "Kazinform" }, itemsReviewed, findings = findings ?? [], procurement
    };

    private static object Correction(long expectedVersion, int itemsReviewed = 75, object[]? findings = null, string[]? sources = null,
        string reason = "Items were miscounted") => new
    {
        expectedVersion, reason, kind = "media", from = "2021-01-01", to = "2021-10-31", sources = sources ?? new[] { "Kazinform" }, itemsReviewed,
        findings = findings ?? []
    };

    private Task<MonitoringRoundRecordedResponse> RecordAsync(object body) =>
        PostAsync<MonitoringRoundRecordedResponse>("/api/monitoring/rounds", body, Compliance, 201);

    private async Task<string> NarrativeAsync()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics/narrative?from=2021-01-01&to=2021-10-31&lang=en");
            s.WithBearerToken(App.Token(Org, Roles.Analyst));
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task a_corrected_round_is_read_and_counted_as_corrected()
    {
        var round = await RecordAsync(Round());

        var written = await PostAsync<Written>($"/api/monitoring/rounds/{round.Id}/corrections",
            Correction(1, findings: [new { description = "An article on paid queues", ledTo = "referral", referredTo = "Press office" }]), Compliance);

        written.ShouldBe(new Written(round.Id, 2));
        var read = await GetAsync<MonitoringRound>($"/api/monitoring/rounds/{round.Id}", App.Token(Org, Roles.Auditor));
        (read.ItemsReviewed, read.Findings.Length, read.Status, read.Reason).ShouldBe((75, 1, MonitoringRoundStatus.Corrected, "Items were miscounted"));
        var media = (await GetAsync<MonitoringSummary>("/api/monitoring/summary", App.Token(Org, Roles.Analyst))).Kinds.Single(k => k.Kind == MonitoringKind.Media);
        (media.Rounds, media.ItemsReviewed, media.Findings).ShouldBe((1, 75L, 1));
        (await NarrativeAsync()).ShouldContain("When monitoring other media, 1 finding was made; 1 led to a case or a referral.");
    }

    [Fact]
    public async Task a_withdrawn_round_counts_nowhere_and_stays_readable_with_its_status()
    {
        var round = await RecordAsync(Round());
        await RecordAsync(Round("own-website", 35));
        (await NarrativeAsync()).ShouldContain("When monitoring the organisation's website and other media,");

        (await PostAsync<Written>($"/api/monitoring/rounds/{round.Id}/withdrawal", new { expectedVersion = 1, reason = "Recorded twice" }, Compliance))
            .Version.ShouldBe(2);

        var read = await GetAsync<MonitoringRound>($"/api/monitoring/rounds/{round.Id}", App.Token(Org, Roles.Auditor));
        (read.Status, read.Reason, read.ItemsReviewed).ShouldBe((MonitoringRoundStatus.Withdrawn, "Recorded twice", 60));
        (await GetAsync<Paged<MonitoringRound>>("/api/monitoring/rounds", Compliance)).Items.Select(r => r.Kind).ShouldBe([MonitoringKind.OwnWebsite]);
        (await GetAsync<Paged<MonitoringRound>>("/api/monitoring/rounds?includeWithdrawn=true", App.Token(Org, Roles.Auditor))).TotalItems.ShouldBe(2);
        var summary = await GetAsync<MonitoringSummary>("/api/monitoring/summary", App.Token(Org, Roles.Analyst));
        summary.Kinds.Single(k => k.Kind == MonitoringKind.Media).Rounds.ShouldBe(0);
        var narrative = await NarrativeAsync();
        narrative.ShouldContain("When monitoring the organisation's website, no complaints");
        narrative.ShouldNotContain("other media");
    }

    [Fact]
    public async Task a_withdrawn_round_is_neither_withdrawn_again_nor_corrected()
    {
        var round = await RecordAsync(Round());
        await PostAsync<Written>($"/api/monitoring/rounds/{round.Id}/withdrawal", new { expectedVersion = 1, reason = "Recorded twice" }, Compliance);
        var events = await App.CountAllEventsAsync();

        (await RefusedAsync($"/api/monitoring/rounds/{round.Id}/withdrawal", new { expectedVersion = 2, reason = "Again" }, 409, Compliance))
            .Rule.ShouldBe("round-already-withdrawn");
        (await RefusedAsync($"/api/monitoring/rounds/{round.Id}/corrections", Correction(2), 409, Compliance)).Rule.ShouldBe("round-withdrawn");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_correction_is_held_to_the_rules_of_a_recording_and_to_the_version_read()
    {
        var round = await RecordAsync(Round());
        var at = $"/api/monitoring/rounds/{round.Id}";
        var events = await App.CountAllEventsAsync();

        (await RefusedAsync($"{at}/corrections", Correction(1, itemsReviewed: 60, sources: [" Kazinform "]), 409, Compliance)).Rule.ShouldBe("nothing-to-correct");
        (await RefusedAsync($"{at}/corrections", Correction(1, itemsReviewed: -1, sources: [], reason: ""), 400, Compliance))
            .Errors!.Keys.ShouldBe(["itemsReviewed", "sources", "reason"], ignoreOrder: true);
        (await RefusedAsync($"{at}/corrections", Correction(1, findings: [new { description = "A post", ledTo = "case-opened", caseId = Guid.CreateVersion7() }]), 404, Compliance))
            .Detail!.ShouldContain("Case");
        (await RefusedAsync($"{at}/corrections", Correction(2), 409, Compliance)).Rule.ShouldBe("stale-version");
        (await RefusedAsync($"{at}/withdrawal", new { expectedVersion = 3, reason = "Recorded twice" }, 409, Compliance)).Rule.ShouldBe("stale-version");
        (await RefusedAsync($"{at}/withdrawal", new { expectedVersion = 1, reason = " " }, 400, Compliance)).Errors!.Keys.ShouldBe(["reason"]);
        await RefusedAsync($"/api/monitoring/rounds/{Guid.CreateVersion7()}/corrections", Correction(1), 404, Compliance);
        await RefusedAsync($"{at}/withdrawal", new { expectedVersion = 1, reason = "Recorded twice" }, 404, App.Token(OtherOrg, Roles.Compliance));
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }
}
