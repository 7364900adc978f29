using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_organisations_share_the_service(CaseApiApp app) : CaseApiTests(app)
{
    private string OtherInvestigator => App.Token(OtherOrg, Roles.Investigator);

    [Fact]
    public async Task another_organisations_case_is_404_to_read()
    {
        var created = await RegisterAsync();

        var problem = await RefusedAsync($"/api/cases/{created.Id}", null, 404, OtherInvestigator);

        problem.Detail.ShouldNotBeNull().ShouldNotContain("nroc");
    }

    [Fact]
    public async Task another_organisations_case_is_404_to_every_command_and_stays_unchanged()
    {
        var (id, version) = await CaseAtAsync(CaseStep.Assigned);
        var events = await App.CountAllEventsAsync();

        foreach (var (_, action, body) in CaseSteps.All)
        {
            await RefusedAsync($"/api/cases/{id}/{action}", body(version), 404, OtherInvestigator);
        }

        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await GetCaseAsync(id)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task the_list_shows_only_the_organisations_own_cases()
    {
        await RegisterAsync();
        await RegisterAsync();
        var theirs = await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));

        var page = await ListAsync("", OtherInvestigator);

        page.TotalItems.ShouldBe(1);
        page.Items.Single().Id.ShouldBe(theirs.Id);
    }

    [Fact]
    public async Task the_same_case_id_cannot_be_reached_through_another_organisation_even_by_the_same_user_name()
    {
        var created = await RegisterAsync();
        var impostor = DevelopmentTokens.Mint(CasesApp.SigningKey, OtherOrg, [Roles.Investigator], "investigator@nroc",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        await RefusedAsync($"/api/cases/{created.Id}", null, 404, impostor);
    }

    [Fact]
    public async Task a_token_without_an_organisation_is_403_and_writes_nothing()
    {
        var orphan = DevelopmentTokens.Mint(CasesApp.SigningKey, "", [Roles.Registrar], "nobody",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        await CallAsync("POST", "/api/cases", Registration(), orphan, 403);

        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    private async Task<Paged<Projections.Cases.CaseSummary>> ListAsync(string query, string token)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/cases{query}");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<Paged<Projections.Cases.CaseSummary>>())!;
    }
}
