using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_reading_the_api_reference(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task the_openapi_document_lists_every_endpoint_without_a_token()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBe(200);
        });
        var document = await result.ReadAsTextAsync();

        // The role matrix names every endpoint the service maps.
        foreach (var endpoint in Hardening.when_any_endpoint_is_called.Allowed.Keys)
        {
            document.ShouldContain($"\"{endpoint[(endpoint.IndexOf(' ') + 1)..]}\"");
        }
    }

    [Fact]
    public async Task the_scalar_reference_page_is_served() =>
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/scalar/v1");
            s.StatusCodeShouldBe(200);
        });
}
