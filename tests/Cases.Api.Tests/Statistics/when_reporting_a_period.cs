using System.Xml.Linq;
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

    private async Task<(string Text, string? ContentType)> ReadAsync(string url, string token)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsTextAsync(), result.Context.Response.ContentType);
    }

    [Fact]
    public async Task the_demo_states_the_seeds_figures()
    {
        await LoadDemoAsync();

        var (narrative, type) = await ReadAsync($"/api/statistics/narrative?{Period}", App.Token(DemoScenario.Organisation, Roles.Analyst));

        type.ShouldBe("text/plain; charset=utf-8");
        narrative.ShouldBe(
            "From January 2021 to October 2021, the National Research Oncology Center (NROC) received 7 appeals (complaints), " +
            "5 meetings were held on them, 30 protocol decisions were made. Execution was 90%. " +
            "All appeals related to the provision of medical care, there are no complaints about corruption. " +
            "4 meetings of the disciplinary commission were held, 8 disciplinary sanctions were imposed, " +
            "but no facts of violation of the code of business ethics were revealed.\n");
        var figures = await GetAsync<StatisticsReport>($"/api/statistics?{Period}", App.Token(DemoScenario.Organisation, Roles.Analyst));
        figures.Total.ExecutionByCommission["Commission on appeals"].RatePercent.ShouldBe(90m);
        figures.Total.ExecutionByCommission["Disciplinary commission"].RatePercent.ShouldBe(100m);
        await Should.ThrowAsync<InvalidOperationException>(LoadDemoAsync);
    }

    [Fact]
    public async Task the_chart_is_a_real_drawing_of_the_monthly_trend()
    {
        await LoadDemoAsync();

        var (svg, type) = await ReadAsync($"/api/statistics/chart?{Period}", App.Token(DemoScenario.Organisation, Roles.Analyst));

        type.ShouldBe("image/svg+xml; charset=utf-8");
        svg.Length.ShouldBeGreaterThan(10_000);
        var root = XDocument.Parse(svg).Root!;
        root.Name.LocalName.ShouldBe("svg");
        root.Attribute("width")!.Value.ShouldBe(TrendChart.Width.ToString());
        root.Descendants().Count(e => e.Name.LocalName is "polyline" or "path").ShouldBeGreaterThanOrEqualTo(3);
        svg.ShouldContain("Protocol decisions");
    }

    [Fact]
    public async Task a_regional_role_sees_the_roll_up_and_each_overseen_line_and_nothing_else_of_theirs()
    {
        await LoadDemoAsync();
        await RegisterAsync(Registration(receivedOn: "2021-06-01"), App.Token(OtherOrg, Roles.Registrar));
        var regional = App.Token(OtherOrg, Roles.Regional);

        var rollUp = await GetAsync<RollUpReport>($"/api/statistics/rollup?{Period}", regional);

        rollUp.Total.Appeals.ShouldBe(8);
        rollUp.Total.Sanctions.ShouldBe(8);
        rollUp.Organisations.Select(o => (o.Organisation, o.Figures.Appeals)).ShouldBe([(OtherOrg, 1), (DemoScenario.Organisation, 7)]);
        rollUp.Organisations[1].Name.ShouldBe("the National Research Oncology Center (NROC)");
        (await GetAsync<Paged<Projections.Cases.CaseSummary>>("/api/cases", App.Token(OtherOrg, Roles.Investigator))).TotalItems.ShouldBe(1);
        await RefusedAsync("/api/cases", null, 403, regional);
        await RefusedAsync($"/api/statistics/rollup?{Period}", null, 403, App.Token(OtherOrg, Roles.Analyst));
        // An organisation that oversees nobody sees its own figures only.
        (await GetAsync<RollUpReport>($"/api/statistics/rollup?{Period}", App.Token(DemoScenario.Organisation, Roles.Regional))).Organisations.Count.ShouldBe(1);
    }
}
