using Cases.Api.Audit;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Tenancy;

/// <summary>
/// The second database's cluster stops while the service runs: the organisations of the first keep writing and reading,
/// those of the second are answered 503 with Retry-After, readiness names the database that is down, and once it is
/// back a client's retry with the same Idempotency-Key is recorded once and nothing acknowledged before is lost.
/// </summary>
public class when_one_database_goes_away(TenancyApiApp app) : TenancyApiTests(app)
{
    private Task<IScenarioResult> RegisterWithKeyAsync(string key, int? status = null) => App.Host.Scenario(s =>
    {
        s.Post.Json(Registration()).ToUrl("/api/cases");
        s.WithBearerToken(App.Token(OtherOrg, Roles.Registrar));
        s.WithRequestHeader("Idempotency-Key", key);
        if (status is { } expected) s.StatusCodeShouldBe(expected);
        else s.IgnoreStatusCode();
    });

    [Fact]
    public async Task the_other_databases_organisations_keep_working_and_nothing_acknowledged_is_lost()
    {
        var acknowledged = await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        var key = Guid.NewGuid().ToString();

        await SecondServer.StopAsync();
        try
        {
            var written = await RegisterAsync();
            (await GetCaseAsync(written.Id)).Id.ShouldBe(written.Id);

            var refused = await RegisterWithKeyAsync(key, 503);
            refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe(ExceptionProblems.RetryAfterSeconds.ToString());
            var readiness = await App.Host.Scenario(s =>
            {
                s.Get.Url("/health/ready");
                s.StatusCodeShouldBe(200);
            });
            (await readiness.ReadAsTextAsync()).ShouldBe($"Degraded: PostgreSQL {TenancyApiApp.Second} unreachable");
        }
        finally
        {
            await SecondServer.StartAsync();
        }

        // The client retries as told: the first tries after the restart may meet connections the restart cut.
        IScenarioResult retried = null!;
        await CasesApp.UntilAsync(async () => (retried = await RegisterWithKeyAsync(key)).Context.Response.StatusCode != 503,
            "the second database to serve again");
        retried.Context.Response.StatusCode.ShouldBe(201);
        var registered = (await retried.ReadAsJsonAsync<CaseRegisteredResponse>())!;
        (await (await RegisterWithKeyAsync(key, 201)).ReadAsJsonAsync<CaseRegisteredResponse>())!.Id.ShouldBe(registered.Id);

        var investigator = App.Token(OtherOrg, Roles.Investigator);
        (await GetCaseAsync(acknowledged.Id, investigator)).Id.ShouldBe(acknowledged.Id);
        (await GetCaseAsync(registered.Id, investigator)).Id.ShouldBe(registered.Id);
        (await RowsAsync(App.SecondConnectionString, "mt_events", OtherOrg)).ShouldBe(2);
        await App.ChainLinkedAsync();
        (await GetAsync<ChainReport>("/api/audit/chain", App.Token(OtherOrg, Roles.Auditor))).Intact.ShouldBeTrue();
        (await GetAsync<ChainReport>("/api/audit/chain", App.Token(Org, Roles.Auditor))).Links.ShouldBe(1);
        await App.ProjectionsCaughtUpAsync();
    }
}
