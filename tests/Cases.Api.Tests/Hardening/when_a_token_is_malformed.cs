using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// Tokens signed with the right key, for the right audience and in date, whose claims or header do not fit: each is
/// refused before any endpoint runs, with ProblemDetails, and leaves no row anywhere (no event, no tombstone, no
/// stream, no link of the hash chain nor mark awaiting one).
/// </summary>
public class when_a_token_is_malformed(CaseApiApp app) : CaseApiTests(app)
{
    public static TheoryData<string, string, string?, int> Tokens() => new()
    {
        { "a NUL in the organisation", """{"sub":"eve","org":"nr\u0000oc","role":"registrar"}""", null, 401 },
        { "a NUL in the user", """{"sub":"e\u0000ve","org":"nroc","role":"registrar"}""", null, 401 },
        { "a NUL in a role", """{"sub":"eve","org":"nroc","role":["registrar","reg\u0000istrar"]}""", null, 401 },
        { "a 3,000-character organisation", $$"""{"sub":"eve","org":"{{new string('n', 3_000)}}","role":"registrar"}""", null, 401 },
        { "an organisation that is an object", """{"sub":"eve","org":{"id":"nroc"},"role":"registrar"}""", null, 401 },
        { "an organisation the service does not serve", """{"sub":"eve","org":"atlantis","role":"registrar"}""", null, 401 },
        { "no user", """{"org":"nroc","role":"registrar"}""", null, 401 },
        { "a user of 201 characters", $$"""{"sub":"{{new string('u', 201)}}","org":"nroc","role":"registrar"}""", null, 401 },
        { "a role the service does not grant", """{"sub":"eve","org":"nroc","role":["registrar","root"]}""", null, 403 },
        { "a role that is an object", """{"sub":"eve","org":"nroc","role":{"name":"registrar"}}""", null, 401 },
        { "a crit naming an unknown extension", """{"sub":"eve","org":"nroc","role":"registrar"}""", "\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":1", 401 },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task it_is_refused_with_a_problem_and_nothing_is_written(string name, string claims, string? header, int status)
    {
        var rows = await RowsAsync();

        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(HandMadeTokens.Signed(claims, header));
            s.StatusCodeShouldBe(status);
        });

        result.Context.Response.ContentType.ShouldStartWith("application/problem+json", customMessage: name);
        var problem = JsonSerializer.Deserialize<Problem>(await result.ReadAsTextAsync(), JsonSerializerOptions.Web)!;
        problem.Status.ShouldBe(status);
        if (status == 401)
        {
            problem.Detail.ShouldNotBeNullOrEmpty();
            result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer error=\"invalid_token\"");
        }
        (await RowsAsync()).ShouldBe(rows, name);
    }

    [Fact]
    public async Task the_same_claims_well_formed_are_served()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(HandMadeTokens.Signed("""{"sub":"eve","org":"nroc","role":["registrar","investigator"]}"""));
            s.StatusCodeShouldBe(201);
        });
        result.Context.Response.Headers.Location.ToString().ShouldStartWith("/api/cases/");
        (await App.ScalarAsync($"select user_name from {App.Schema}.mt_events")).ShouldBe("eve");
    }

    /// <summary>Every row a write leaves: events (tombstones too), streams, and the hash chain's links and marks.</summary>
    private async Task<(long Events, long Streams, long Links, long Marks)> RowsAsync() =>
        ((long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events"))!,
         (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_streams"))!,
         (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.{HashChain.TableName}"))!,
         (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.{HashChain.PendingTableName}"))!);
}
