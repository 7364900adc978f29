using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_listing_cases(CaseApiApp app) : CaseApiTests(app)
{
    private async Task<Paged<Projections.Cases.CaseSummary>> ListAsync(string query)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/cases?{query}");
            s.WithBearerToken(App.Token(Org, Roles.Auditor));
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<Paged<Projections.Cases.CaseSummary>>())!;
    }

    private async Task<Dictionary<string, Guid>> SeedAsync()
    {
        var cases = new Dictionary<string, Guid>
        {
            ["jan-hotline-corruption"] = (await RegisterAsync(Registration("2021-01-15", "hotline", "corruption", ["E-1"]))).Id,
            ["feb-website-medical"] = (await RegisterAsync(Registration("2021-02-15", "website", "medical-care", ["E-2"]))).Id,
            ["mar-callcentre-medical"] = (await RegisterAsync(Registration("2021-03-15", "call-centre", "medical-care", ["E-1", "E-3"]))).Id,
            ["apr-social-ethics"] = (await RegisterAsync(Registration("2021-04-15", "social-media", "ethics", ["E-4"]))).Id,
        };
        await CommandAsync(cases["feb-website-medical"], "acknowledgement", new { expectedVersion = 1 }, Registrar);
        return cases;
    }

    public static TheoryData<string, string[]> Filters() => new()
    {
        { "", ["apr-social-ethics", "mar-callcentre-medical", "feb-website-medical", "jan-hotline-corruption"] },
        { "status=acknowledged", ["feb-website-medical"] },
        { "status=registered", ["apr-social-ethics", "mar-callcentre-medical", "jan-hotline-corruption"] },
        { "category=medical-care", ["mar-callcentre-medical", "feb-website-medical"] },
        { "channel=call-centre", ["mar-callcentre-medical"] },
        { "channel=social-media&category=ethics", ["apr-social-ethics"] },
        { "subject=E-1", ["mar-callcentre-medical", "jan-hotline-corruption"] },
        { "receivedFrom=2021-02-15&receivedTo=2021-03-15", ["mar-callcentre-medical", "feb-website-medical"] },
        { "receivedFrom=2021-03-16", ["apr-social-ethics"] },
        { "category=procurement", [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task filters_narrow_the_list_newest_first(string query, string[] expected)
    {
        var cases = await SeedAsync();

        var page = await ListAsync(query);

        page.Items.Select(i => i.Id).ShouldBe(expected.Select(name => cases[name]));
        page.TotalItems.ShouldBe(expected.Length);
    }

    [Fact]
    public async Task pages_split_the_list_and_count_the_whole()
    {
        await SeedAsync();

        var first = await ListAsync("pageSize=3");
        var second = await ListAsync("pageSize=3&page=2");

        first.Items.Count.ShouldBe(3);
        second.Items.Count.ShouldBe(1);
        first.TotalItems.ShouldBe(4);
        first.TotalPages.ShouldBe(2);
        first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_default_page_size_is_25()
    {
        for (var i = 0; i < 27; i++) await RegisterAsync();

        var page = await ListAsync("");

        page.Items.Count.ShouldBe(CaseQuery.DefaultPageSize);
        page.TotalItems.ShouldBe(27);
    }
}
