using System.Text.Json;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Public;

/// <summary>
/// The public channel takes no token, so its contract is the outsider's: a category joined by a comma or spelled as
/// .NET spells it once reached the case list of an organisation and broke it for good. Each is now 400 naming the
/// field, and nothing is written.
/// </summary>
public class when_a_public_report_breaks_the_contract(PublicApiApp app) : PublicApiTests(app)
{
    private const string Report = """{"category":"corruption","text":"The ward nurse asked for money","anonymous":true}""";

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "two categories joined by a comma", Report.Replace("\"corruption\"", "\"corruption, ethics\""), "category" },
        { "two categories that once made a third", Report.Replace("\"corruption\"", "\"medical-care,corruption\""), "category" },
        { "the .NET name of a category", Report.Replace("\"corruption\"", "\"MedicalCare\""), "category" },
        { "a category in capitals", Report.Replace("\"corruption\"", "\"CORRUPTION\""), "category" },
        { "a category as an integer", Report.Replace("\"corruption\"", "1"), "category" },
        { "a category as a numeric string", Report.Replace("\"corruption\"", "\"1\""), "category" },
        { "unknown as a category", Report.Replace("\"corruption\"", "\"unknown\""), "category" },
        { "a boolean as a string", Report.Replace("true", "\"true\""), "anonymous" },
        { "a boolean as a number", Report.Replace("true", "1"), "anonymous" },
        { "a channel, which the service sets", Report[..^1] + ",\"channel\":\"internal, public\"}", "channel" },
        { "a field in another case", Report.Replace("\"text\"", "\"Text\""), "Text" },
        { "a field given twice", Report[..^1] + ",\"category\":\"ethics\"}", "category" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task a_report_outside_the_contract_is_400_naming_the_field_and_writes_nothing(string what, string body, string field)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Url($"/api/public/{Org}/reports");
            s.Body.TextIs(body);
            s.WithRequestHeader("Content-Type", "application/json");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = Address);
            s.StatusCodeShouldBe(400);
        });

        var problem = JsonSerializer.Deserialize<Problem>(await result.ReadAsTextAsync(), JsonSerializerOptions.Web)!;
        problem.Errors.ShouldNotBeNull(what).Keys.ShouldContain(field, what);
        (await App.CountAllEventsAsync()).ShouldBe(0, what);
        (await GetAsync<Paged<CaseSummary>>("/api/cases", Investigator)).Items.ShouldBeEmpty(what);
    }

    [Fact]
    public async Task the_same_report_in_its_one_form_is_taken()
    {
        await ReportAsync(JsonSerializer.Deserialize<JsonElement>(Report));

        (await PublicCaseAsync()).Category.ShouldBe(Domain.Cases.Category.Corruption);
    }
}
