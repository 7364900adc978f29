using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Contract;

/// <summary>
/// A refusal is a ProblemDetails whatever the client said it accepts: the document gives every refusal that one shape,
/// and a client asking for CSV still learns why it was refused.
/// </summary>
public class when_a_client_accepts_no_json(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task a_write_asked_for_csv_is_406_as_a_problem()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBe(406);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task figures_asked_for_as_csv_without_a_token_are_401_as_a_problem()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics?from=2021-01-01&to=2021-10-31");
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBe(401);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        var body = await result.ReadAsTextAsync();
        body.ShouldStartWith("{");
        body.ShouldEndWith("}");
        body.ShouldContain("\"status\":401");
    }
}
