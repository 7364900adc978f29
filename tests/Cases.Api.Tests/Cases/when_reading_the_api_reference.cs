using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_reading_the_api_reference(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task the_openapi_document_lists_every_case_endpoint_without_a_token()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBe(200);
        });
        var document = await result.ReadAsTextAsync();

        foreach (var (_, path, _, _, _) in when_authorising_requests.Endpoints)
        {
            document.ShouldContain($"\"{path.Replace("{id}", "{caseId}")}\"");
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
