using Cases.Api.Operations;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cases.Api.Tests.Operations;

public class when_probing_health(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task the_service_is_live_without_a_token() =>
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(200);
            s.ContentShouldBe("Healthy");
        });

    [Fact]
    public async Task the_service_is_ready_without_a_token_while_postgresql_answers() =>
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(200);
            s.ContentShouldBe("Healthy");
        });

    [Fact]
    public async Task readiness_fails_while_postgresql_is_unreachable()
    {
        // Port 1 on the loopback: nothing listens there, as when the database server is down.
        var readiness = new DatabaseReadiness("Host=127.0.0.1;Port=1;Database=cases;Username=cases;Password=cases");

        var result = await readiness.CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("PostgreSQL is unreachable");
    }
}
