using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

/// <summary>A case's readers see its events: who recorded each, when, on which business date, and why.</summary>
public class when_reading_a_case_timeline(CaseApiApp app) : CaseApiTests(app)
{
    private async Task<TimelineEntry[]> TimelineAsync(Guid caseId, string token, int status = 200)
    {
        var result = await CallAsync("GET", $"/api/cases/{caseId}/timeline", null, token, status);
        return status == 200 ? (await result.ReadAsJsonAsync<TimelineEntry[]>())! : [];
    }

    [Fact]
    public async Task every_event_shows_who_when_and_why()
    {
        var registered = await RegisterAsync(token: App.UserToken(Org, "aliya.registrar", Roles.Registrar));
        var investigator = App.UserToken(Org, "marat.investigator", Roles.Investigator);
        await CommandAsync(registered.Id, "acknowledgement", new { expectedVersion = 1, acknowledgedOn = "2021-03-03" }, investigator);
        await App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 2, outcome = "withdrawn", summary = "The complainant withdrew" }).ToUrl($"/api/cases/{registered.Id}/closure");
            s.WithBearerToken(investigator);
            s.WithRequestHeader(EventMetadata.ReasonHeader, Uri.EscapeDataString("Письмо заявителя"));
            s.StatusCodeShouldBe(200);
        });
        await CommandAsync(registered.Id, "reopening", new { expectedVersion = 3, reason = "The withdrawal was forged" }, investigator);

        var timeline = await TimelineAsync(registered.Id, App.Token(Org, Roles.Member));

        timeline.Select(e => (e.Version, e.Kind, e.On, e.User)).ShouldBe([
            (1, "case_registered", new DateOnly(2021, 3, 2), "aliya.registrar"),
            (2, "case_acknowledged", new DateOnly(2021, 3, 3), "marat.investigator"),
            (3, "case_closed", App.Clock.Today, "marat.investigator"),
            (4, "case_reopened", App.Clock.Today, "marat.investigator")
        ]);
        timeline.Select(e => e.Reason).ShouldBe([null, null, "Письмо заявителя", "The withdrawal was forged"]);
        timeline.ShouldAllBe(e => e.At != default);
    }

    [Fact]
    public async Task another_organisations_case_has_no_timeline()
    {
        var registered = await RegisterAsync();

        await TimelineAsync(registered.Id, App.Token(OtherOrg, Roles.Investigator), 404);
        await TimelineAsync(Guid.NewGuid(), Investigator, 404);
    }

    [Fact]
    public async Task the_deadlines_of_one_case_are_found_by_its_id()
    {
        var first = await RegisterAsync();
        await RegisterAsync();

        var result = await CallAsync("GET", $"/api/deadlines?days=366&streamId={first.Id}", null, Registrar, 200);

        var deadlines = (await result.ReadAsJsonAsync<Deadlines.DueItem[]>())!;
        deadlines.ShouldNotBeEmpty();
        deadlines.ShouldAllBe(d => d.StreamId == first.Id);
    }
}
