using Cases.Api.Infrastructure;
using Cases.Api.Monitoring;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Monitoring;

namespace Cases.Api.Tests.Monitoring;

/// <summary>
/// The oncology centre's ten months: social networks, its website and the media monitored with nothing found, and
/// public procurement monitored with no violation affecting the results.
/// </summary>
public class when_recording_monitoring_rounds(CaseApiApp app) : CaseApiTests(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);

    private static object Round(string kind = "social-networks", string from = "2021-01-01", string to = "2021-10-31", int itemsReviewed = 420,
        object[]? findings = null, object? procurement = null, string[]? sources = null) => new
    {
        kind, from, to, sources = sources ?? new[] { "Facebook", "Instagram" }, itemsReviewed, findings = findings ?? [], procurement
    };

    private Task<MonitoringRoundRecordedResponse> RecordAsync(object body, string? token = null) =>
        PostAsync<MonitoringRoundRecordedResponse>("/api/monitoring/rounds", body, token ?? Compliance, 201);

    [Fact]
    public async Task rounds_with_nothing_found_and_procurement_without_violations_add_up_per_kind()
    {
        var social = await RecordAsync(Round());
        await RecordAsync(Round("own-website", sources: ["onco.kz"], itemsReviewed: 35));
        await RecordAsync(Round("media", to: "2021-05-31", itemsReviewed: 60,
            findings: [new { description = "An article on paid queues", ledTo = "referral", referredTo = "Press office" }]));
        await RecordAsync(Round("public-procurement", sources: ["goszakup.gov.kz"], itemsReviewed: 148,
            procurement: new { @checked = 148, violations = 2, affectingResult = 0 }));
        await RecordAsync(Round("media", from: "2020-01-01", to: "2020-12-31"));

        social.Version.ShouldBe(1);
        var read = await GetAsync<MonitoringRound>($"/api/monitoring/rounds/{social.Id}", App.Token(Org, Roles.Auditor));
        read.Findings.ShouldBeEmpty();
        read.Sources.ShouldBe(["Facebook", "Instagram"]);

        var summary = await GetAsync<MonitoringSummary>("/api/monitoring/summary?from=2021-01-01&to=2021-10-31", App.Token(Org, Roles.Analyst));
        summary.Kinds.Select(k => (k.Kind.ToString(), k.Rounds, k.ItemsReviewed, k.Findings)).ShouldBe([
            ("SocialNetworks", 1, 420L, 0), ("OwnWebsite", 1, 35L, 0), ("Media", 1, 60L, 1), ("PublicProcurement", 1, 148L, 0), ("Other", 0, 0L, 0)
        ]);
        var procurement = summary.Kinds.Single(k => k.Kind == Domain.Monitoring.MonitoringKind.PublicProcurement);
        (procurement.ProcurementsChecked, procurement.Violations, procurement.ViolationsAffectingResult).ShouldBe((148, 2, 0));
        summary.Kinds[0].ProcurementsChecked.ShouldBeNull();

        var media = await GetAsync<Paged<MonitoringRound>>("/api/monitoring/rounds?kind=media", Compliance);
        media.Items.Select(r => r.To).ShouldBe([new DateOnly(2021, 5, 31), new DateOnly(2020, 12, 31)]);
        (await GetAsync<Paged<MonitoringRound>>("/api/monitoring/rounds?from=2021-06-01", Compliance)).TotalItems.ShouldBe(3);
    }

    [Fact]
    public async Task bad_figures_and_periods_are_refused_field_by_field()
    {
        var problem = await RefusedAsync("/api/monitoring/rounds", Round("public-procurement", from: "2021-05-01", to: "2021-04-30", itemsReviewed: -1, sources: [],
            procurement: new { @checked = 3, violations = 4, affectingResult = 5 },
            findings: [new { description = "", ledTo = "none", caseId = Guid.CreateVersion7() }, new { description = "Sent on", ledTo = "referral" }]), 400, Compliance);
        problem.Errors!.Keys.ShouldBe(["to", "sources", "itemsReviewed", "procurement.violations", "procurement.affectingResult",
            "findings[0].description", "findings[0].caseId", "findings[1].referredTo"], ignoreOrder: true);

        (await RefusedAsync("/api/monitoring/rounds", Round(procurement: new { @checked = 1, violations = 0, affectingResult = 0 }), 400, Compliance))
            .Errors!.ShouldContainKey("procurement");
        (await RefusedAsync("/api/monitoring/rounds", Round("public-procurement"), 400, Compliance)).Errors!.ShouldContainKey("procurement");
        (await RefusedAsync("/api/monitoring/rounds", Round(to: "9999-12-31"), 400, Compliance)).Errors!.ShouldContainKey("to");
        await RefusedAsync("/api/monitoring/rounds", Round("gossip"), 400, Compliance);
        (await RefusedAsync("/api/monitoring/rounds?kind=gossip", null, 400, Compliance)).Errors!.ShouldContainKey("kind");
        (await RefusedAsync("/api/monitoring/summary?from=2021-05-01&to=2021-01-01", null, 400, Compliance)).Errors!.ShouldContainKey("to");
    }

    [Fact]
    public async Task a_case_opened_on_a_finding_is_the_organisations_own_and_not_older_than_the_round()
    {
        var opened = await RegisterAsync(Registration(receivedOn: "2021-03-02"));
        Task<Problem> Finding(Guid caseId, int status, string from = "2021-01-01") => RefusedAsync("/api/monitoring/rounds",
            Round(from: from, findings: [new { description = "A post about a bribe", ledTo = "case-opened", caseId }]), status, Compliance);

        (await Finding(opened.Id, 409, from: "2021-04-01")).Rule.ShouldBe("finding-case-predates-round");
        (await Finding(Guid.CreateVersion7(), 404)).Detail!.ShouldContain("was not found");
        var elsewhere = await RegisterAsync(Registration(receivedOn: "2021-03-02"), App.Token(OtherOrg, Roles.Registrar));
        await Finding(elsewhere.Id, 404);

        var round = await RecordAsync(Round(findings: [new { description = "A post about a bribe", ledTo = "case-opened", caseId = opened.Id }]));
        (await GetAsync<MonitoringRound>($"/api/monitoring/rounds/{round.Id}", Compliance)).Findings.Single().CaseId.ShouldBe(opened.Id);
    }

    [Fact]
    public async Task another_organisation_cannot_read_a_round()
    {
        var round = await RecordAsync(Round());

        await RefusedAsync($"/api/monitoring/rounds/{round.Id}", null, 404, App.Token(OtherOrg, Roles.Compliance));
        await RefusedAsync($"/api/monitoring/rounds/{Guid.CreateVersion7()}", null, 404, Compliance);
        (await GetAsync<Paged<MonitoringRound>>("/api/monitoring/rounds", App.Token(OtherOrg, Roles.Compliance))).TotalItems.ShouldBe(0);
        (await GetAsync<MonitoringSummary>("/api/monitoring/summary", App.Token(OtherOrg, Roles.Auditor))).Kinds.Sum(k => k.Rounds).ShouldBe(0);
    }
}
