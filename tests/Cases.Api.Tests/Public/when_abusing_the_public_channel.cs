using System.Net;
using Cases.Api.Infrastructure;
using Cases.Api.Public;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Public;

public class when_abusing_the_public_channel(PublicApiApp app) : PublicApiTests(app)
{
    private static readonly string UnknownCode = string.Join('-', Enumerable.Repeat("ABCD", 10));

    [Fact]
    public async Task a_body_over_the_public_limit_is_413_though_the_api_takes_larger_ones()
    {
        var text = new string('x', PublicApiApp.MaxPublicBodyBytes);

        var problem = await ProblemOf(await PublicAsync("POST", $"/api/public/{Org}/reports", AnonymousReport(text), 413));

        problem.Status.ShouldBe(413);
        problem.Detail!.ShouldContain(PublicApiApp.MaxPublicBodyBytes.ToString());
        (await App.CountAllEventsAsync()).ShouldBe(0);
        await RegisterAsync(new
        {
            channel = "website", category = "other", subjects = Array.Empty<string>(), summary = text, receivedOn = "2021-11-01"
        });
    }

    [Fact]
    public async Task too_many_requests_from_one_address_are_429_with_retry_after()
    {
        for (var i = 0; i < PublicApiApp.RequestsPerWindow; i++)
        {
            await PublicAsync("GET", $"/api/public/{Org}/report", null, 404, UnknownCode);
        }

        var refused = await PublicAsync("GET", $"/api/public/{Org}/report", null, 429, UnknownCode);

        int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(1, 600);
        (await ProblemOf(refused)).Status.ShouldBe(429);
        await PublicAsync("POST", $"/api/public/{Org}/reports", AnonymousReport(), 429);
        (await App.CountAllEventsAsync()).ShouldBe(0);

        Address = IPAddress.Parse("203.0.113.77");
        await PublicAsync("GET", $"/api/public/{Org}/report", null, 404, UnknownCode);
        // Staff are not behind the public limit.
        await GetAsync<Paged<CaseSummary>>("/api/cases", Investigator);
    }

    [Fact]
    public async Task open_anonymous_reports_over_the_hourly_cap_are_429_naming_the_rule()
    {
        for (var i = 0; i < PublicApiApp.AnonymousReportsPerHour; i++)
        {
            await ReportAsync();
            App.Clock.Now = App.Clock.Now.AddMinutes(10);
        }
        var events = await App.CountAllEventsAsync();

        var refused = await PublicAsync("POST", $"/api/public/{Org}/reports", AnonymousReport(), 429);

        var problem = await ProblemOf(refused);
        problem.Rule.ShouldBe(ReportPubliclyEndpoint.CapRule);
        problem.Status.ShouldBe(429);
        // The first report leaves the hour 30 minutes from now.
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("1800");
        (await App.CountAllEventsAsync()).ShouldBe(events);

        // Reporters who give their contact, and other organisations, are not held back.
        await ReportAsync(IdentifiedReport());
        await ReportAsync(organisation: OtherOrg);

        App.Clock.Now = App.Clock.Now.AddMinutes(31);
        await ReportAsync();
    }

    [Fact]
    public async Task a_closed_anonymous_report_no_longer_counts()
    {
        for (var i = 0; i < PublicApiApp.AnonymousReportsPerHour; i++) await ReportAsync();
        await PublicAsync("POST", $"/api/public/{Org}/reports", AnonymousReport(), 429);

        var open = (await GetAsync<Paged<CaseSummary>>("/api/cases?channel=public", Investigator)).Items[0];
        await CommandAsync(open.Id, "closure", new { expectedVersion = open.Version, outcome = "outside-competence", summary = "Spam" });

        await ReportAsync();
    }
}
