using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Operations;

/// <summary>
/// What the reads the bench times cost the database, counted by Npgsql's own tracing, however many organisations and
/// events the store holds: one round trip for a case or an employee, three for a year of statistics.
/// </summary>
public class when_counting_a_reads_round_trips(MeetingApiApp app, ITestOutputHelper output) : MeetingApiTests(app)
{
    private async Task<DatabaseCost> CostAsync(string url, string token)
    {
        var (cost, _) = await DatabaseCommands.OfAsync(App.Host, s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        output.WriteLine($"GET {url}: {cost}");
        return cost;
    }

    [Fact]
    public async Task reading_a_case_an_employee_and_a_year_of_statistics()
    {
        var estate = await EveryKindOfRecordAsync();

        (await CostAsync($"/api/cases/{estate.CaseId}", Investigator)).RoundTrips.ShouldBe(1);
        (await CostAsync($"/api/employees/{CaseSubject}", App.Token(Org, Roles.Hr))).RoundTrips.ShouldBe(1);
        // With the daemon caught up: the store's high-water mark and the facts' projection's progress (the wait for the
        // daemon), then the facts' sums, the decisions due and the commissions in one answer.
        await App.ProjectionsCaughtUpAsync();
        (await CostAsync("/api/statistics?from=2021-01-01&to=2021-12-31", App.Token(Org, Roles.Analyst))).RoundTrips.ShouldBe(3);
    }
}
