using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Tenancy;

public class when_organisations_sit_on_two_databases(TenancyApiApp app) : TenancyApiTests(app)
{
    [Fact]
    public async Task each_organisation_writes_and_reads_in_its_own_database_only()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        await CommandAsync(second.Id, "acknowledgement", new { expectedVersion = second.Version }, App.Token(OtherOrg, Roles.Investigator));

        (await RowsAsync(App.ConnectionString, "mt_events", Org)).ShouldBe(1);
        (await RowsAsync(App.SecondConnectionString, "mt_events", Org)).ShouldBe(0);
        (await RowsAsync(App.SecondConnectionString, "mt_events", OtherOrg)).ShouldBe(2);
        (await RowsAsync(App.ConnectionString, "mt_events", OtherOrg)).ShouldBe(0);
        // Its numbering and its idempotency claims go with it.
        (await RowsAsync(App.SecondConnectionString, Numbering.TableName, OtherOrg)).ShouldBeGreaterThan(0);
        (await RowsAsync(App.ConnectionString, Numbering.TableName, OtherOrg)).ShouldBe(0);
        (await GetCaseAsync(first.Id)).Id.ShouldBe(first.Id);
        (await GetCaseAsync(second.Id, App.Token(OtherOrg, Roles.Investigator))).Version.ShouldBe(2);
        // Neither sees the other's case.
        await RefusedAsync($"/api/cases/{second.Id}", null, 404, Investigator);
    }

    [Fact]
    public async Task the_regional_roll_up_counts_the_organisations_of_both_databases()
    {
        await RegisterAsync(Registration(receivedOn: "2021-06-01"));
        await RegisterAsync(Registration(receivedOn: "2021-06-02"), App.Token(OverseenOnSecond, Roles.Registrar));
        await RegisterAsync(Registration(receivedOn: "2021-06-03"), App.Token(OverseenOnSecond, Roles.Registrar));

        var rollUp = await GetAsync<RollUpReport>("/api/statistics/rollup?from=2021-01-01&to=2021-12-31", App.Token(OtherOrg, Roles.Regional));

        rollUp.Total.Appeals.ShouldBe(3);
        rollUp.Organisations.Where(o => o.Figures.Appeals > 0).Select(o => (o.Organisation, o.Figures.Appeals)).OrderBy(o => o.Organisation)
            .ShouldBe([(OverseenOnSecond, 2), (Org, 1)]);
    }

    [Fact]
    public async Task the_hash_chain_links_and_verifies_in_each_database()
    {
        await CaseAtAsync(CaseStep.Assigned);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));

        await App.ChainLinkedAsync();
        var first = await GetAsync<ChainReport>("/api/audit/chain", App.Token(Org, Roles.Auditor));
        var second = await GetAsync<ChainReport>("/api/audit/chain", App.Token(OtherOrg, Roles.Auditor));

        first.Intact.ShouldBeTrue();
        first.Links.ShouldBe(3);
        second.Intact.ShouldBeTrue();
        second.Links.ShouldBe(1);
        (await RowsAsync(App.ConnectionString, HashChain.TableName, Org)).ShouldBe(3);
        (await RowsAsync(App.SecondConnectionString, HashChain.TableName, OtherOrg)).ShouldBe(1);
        (await App.Host.Services.GetRequiredService<ChainVerifier>().OrganisationsAsync(CancellationToken.None)).ShouldBe([Org, OtherOrg]);
    }

    [Fact]
    public async Task the_async_daemon_projects_the_audit_trail_in_each_database()
    {
        await CaseAtAsync(CaseStep.Acknowledged);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));

        await App.ProjectionsCaughtUpAsync();

        (await GetAsync<Paged<AuditEntry>>("/api/audit", App.Token(Org, Roles.Auditor))).TotalItems.ShouldBe(2);
        (await GetAsync<Paged<AuditEntry>>("/api/audit", App.Token(OtherOrg, Roles.Auditor))).TotalItems.ShouldBe(1);
        (await RowsAsync(App.SecondConnectionString, "mt_doc_auditentry", OtherOrg)).ShouldBe(1);
        (await RowsAsync(App.ConnectionString, "mt_doc_auditentry", OtherOrg)).ShouldBe(0);
    }

    [Fact]
    public async Task readiness_answers_healthy_while_both_databases_answer() =>
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(200);
            s.ContentShouldBe("Healthy");
        });
}
