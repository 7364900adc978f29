using Cases.Api.Cases;
using Cases.Api.Demo;
using Cases.Api.Infrastructure;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Statistics;

public class when_reporting_a_period(MeetingApiApp app) : MeetingApiTests(app)
{
    private const string Period = "from=2021-01-01&to=2021-10-31";

    private Task LoadDemoAsync() =>
        new DemoScenario(App.Host.Server.CreateClient(), role => App.Token(DemoScenario.Organisation, role)).LoadAsync(CancellationToken.None);

    [Fact]
    public async Task a_regional_role_sees_the_roll_up_and_each_overseen_line_and_nothing_else_of_theirs()
    {
        await LoadDemoAsync();
        await RegisterAsync(Registration(receivedOn: "2021-06-01"), App.Token(OtherOrg, Roles.Registrar));
        var regional = App.Token(OtherOrg, Roles.Regional);

        var rollUp = await GetAsync<RollUpReport>($"/api/statistics/rollup?{Period}", regional);

        rollUp.Total.Appeals.ShouldBe(8);
        rollUp.Total.Sanctions.ShouldBe(8);
        rollUp.Organisations.Where(o => o.Figures.Appeals > 0).Select(o => (o.Organisation, o.Figures.Appeals))
            .ShouldBe([(OtherOrg, 1), (DemoScenario.Organisation, 7)]);
        rollUp.Organisations.Count.ShouldBe(1 + RegionalDemoScenario.Areas.Length + 1);
        rollUp.Organisations[1].Name.ShouldBe("the National Research Oncology Center (NROC)");
        (await GetAsync<RollUpReport>($"/api/statistics/rollup?{Period}&lang=ru", regional)).Organisations[1].Name
            .ShouldBe("Национальный научный онкологический центр (ННОЦ)");
        (await GetAsync<Paged<Projections.Cases.CaseSummary>>("/api/cases", App.Token(OtherOrg, Roles.Investigator))).TotalItems.ShouldBe(1);
        await RefusedAsync("/api/cases", null, 403, regional);
        await RefusedAsync($"/api/statistics/rollup?{Period}", null, 403, App.Token(OtherOrg, Roles.Analyst));
        // An organisation that oversees nobody sees its own figures only.
        (await GetAsync<RollUpReport>($"/api/statistics/rollup?{Period}", App.Token(DemoScenario.Organisation, Roles.Regional))).Organisations.Count.ShouldBe(1);
    }
}
