using Cases.Api.Audit;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Retention;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Audit;
using Cases.Projections.Cases;
using Cases.Projections.Statistics;

namespace Cases.Api.Tests.Public;

public class when_archiving_closed_cases(PublicApiApp app) : PublicApiTests(app)
{
    private const string Statistics = "/api/statistics?from=2021-01-01&to=2022-12-31";

    private string Dpo => App.Token(Org, Roles.DataProtection);
    private string Auditor => App.Token(Org, Roles.Auditor);

    private async Task<string> StatisticsAsync() =>
        await (await CallAsync("GET", Statistics, null, App.Token(Org, Roles.Analyst), 200)).ReadAsTextAsync();

    [Fact]
    public async Task closed_cases_past_the_period_leave_the_active_records_and_the_statistics_stay_the_same()
    {
        var (old, _) = await CaseAtAsync(CaseStep.Closed);
        var (open, _) = await CaseAtAsync(CaseStep.Assigned);
        var receipt = await ReportAsync();
        var report = await PublicCaseAsync();
        await CommandAsync(report.Id, "closure", new { expectedVersion = report.Version, outcome = "withdrawn", summary = "Withdrawn" });
        App.Clock.Now = App.Clock.Now.AddDays(PublicApiApp.RetentionDays + 1);
        var (recent, _) = await CaseAtAsync(CaseStep.Closed);
        var before = await StatisticsAsync();

        var archived = await PostAsync<CasesArchived>("/api/retention/archival", new { }, Dpo);

        archived.Archived.ShouldBe([old, report.Id], ignoreOrder: true);
        archived.More.ShouldBeFalse();
        (await StatisticsAsync()).ShouldBe(before);
        (await GetAsync<Paged<CaseSummary>>("/api/cases", Investigator)).Items.Select(c => c.Id).ShouldBe([open, recent], ignoreOrder: true);
        await RefusedAsync($"/api/cases/{old}", null, 404, Investigator);
        await PublicAsync("GET", $"/api/public/{Org}/report", null, 404, receipt.ReceiptCode);
        ((long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where stream_id = '{old}' and not is_archived"))!).ShouldBe(0);
        await App.ProjectionsCaughtUpAsync();
        (await GetAsync<Paged<AuditEntry>>($"/api/audit?caseId={old}&eventType=case_archived", Auditor)).Items.ShouldHaveSingleItem();
        await App.ChainLinkedAsync();
        var chain = await GetAsync<ChainReport>("/api/audit/chain", Auditor);
        chain.Intact.ShouldBeTrue();
        chain.Links.ShouldBe(await App.CountAllEventsAsync());

        (await PostAsync<CasesArchived>("/api/retention/archival", new { }, Dpo)).Archived.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_rebuild_after_archiving_gives_the_same_statistics_and_audit_trail()
    {
        var (old, _) = await CaseAtAsync(CaseStep.Closed);
        App.Clock.Now = App.Clock.Now.AddDays(PublicApiApp.RetentionDays + 1);
        await PostAsync<CasesArchived>("/api/retention/archival", new { }, Dpo);
        var figures = await StatisticsAsync();
        await App.ProjectionsCaughtUpAsync();
        var trail = await GetAsync<Paged<AuditEntry>>($"/api/audit?caseId={old}", Auditor);

        // Wiped first, so that only the replay of the events, archived ones included, can bring them back.
        await RebuildAsync(["mt_doc_statisticfact", "mt_doc_auditentry"], [typeof(StatisticsProjection), typeof(AuditTrailProjection)]);

        (await StatisticsAsync()).ShouldBe(figures);
        figures.ShouldContain("\"casesClosed\"");
        (await GetAsync<Paged<AuditEntry>>($"/api/audit?caseId={old}", Auditor)).Items.Select(e => e.EventType)
            .ShouldBe(trail.Items.Select(e => e.EventType));
        trail.Items.Select(e => e.EventType).ShouldContain("case_archived");
        (await GetAsync<Paged<CaseSummary>>("/api/cases", Investigator)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_case_closed_within_the_period_stays()
    {
        await CaseAtAsync(CaseStep.Closed);
        App.Clock.Now = App.Clock.Now.AddDays(PublicApiApp.RetentionDays);

        (await PostAsync<CasesArchived>("/api/retention/archival", new { }, Dpo)).Archived.ShouldBeEmpty();
        (await GetAsync<Paged<CaseSummary>>("/api/cases", Investigator)).Items.ShouldHaveSingleItem();
    }
}
