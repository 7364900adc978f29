using System.Text.Json.Nodes;
using Cases.Api.Infrastructure.OpenApi;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_reading_the_api_reference(CaseApiApp app) : CaseApiTests(app)
{
    /// <summary>The committed contract, from which the test project generates its client.</summary>
    public static string ContractFile => Path.Combine(FaultServer.RepositoryRoot(), "src", "Cases.Api", "openapi", "v1.json");

    private async Task<string> ServedAsync()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task the_openapi_document_lists_every_endpoint_without_a_token()
    {
        var document = await ServedAsync();

        // The role matrix names every endpoint the service maps.
        foreach (var endpoint in Hardening.when_any_endpoint_is_called.Allowed.Keys)
        {
            document.ShouldContain($"\"{endpoint[(endpoint.IndexOf(' ') + 1)..]}\"");
        }
    }

    /// <summary>
    /// The served document is the committed one, so a change to the API shows in review as a change to the contract.
    /// <c>scripts/refresh-openapi.sh</c> rewrites the file from the service (this test with CASES_REFRESH_OPENAPI=1).
    /// </summary>
    [Fact]
    public async Task the_served_document_is_the_committed_contract()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("CASES_REFRESH_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(ContractFile, served);
        }

        var committed = (await File.ReadAllTextAsync(ContractFile)).Split('\n');
        var lines = served.Split('\n');
        var first = Enumerable.Range(0, Math.Max(lines.Length, committed.Length))
            .FirstOrDefault(i => i >= lines.Length || i >= committed.Length || lines[i] != committed[i], -1);
        first.ShouldBe(-1, $"The API's document differs from {ContractFile} from line {first + 1}: served " +
                           $"'{lines.ElementAtOrDefault(first)?.Trim()}', committed '{committed.ElementAtOrDefault(first)?.Trim()}'. " +
                           "If the change is meant, run scripts/refresh-openapi.sh and commit the contract.");
    }

    [Fact]
    public async Task the_document_describes_the_wire_format_and_the_refusals()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        document.AsObject().ContainsKey("servers").ShouldBeFalse("a document served by one host must not send clients to it");
        document["security"]!.ToJsonString().ShouldBe("""[{"bearer":[]}]""");

        var schemas = document["components"]!["schemas"]!.AsObject();
        var problem = schemas[ApiContract.ProblemSchema]!;
        problem["properties"]!.AsObject().Select(p => p.Key)
            .ShouldBe(["type", "title", "status", "detail", "instance", "rule", "errors", "traceId"], ignoreOrder: true);
        problem.AsObject().ContainsKey("additionalProperties").ShouldBeFalse("a ProblemDetails may carry more members");
        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();
        enums.ShouldNotBeEmpty();
        enums.ShouldAllBe(s => s.Value!["type"]!.GetValue<string>() == "string" && !s.Value["enum"]!.AsArray().Contains(null));
        document.ToJsonString().ShouldNotContain("""["integer","string"]""");

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        var tags = ApiTags.All.Select(t => t.Name).ToHashSet();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            operation["summary"]!.GetValue<string>().ShouldNotContain("_", customMessage: name);
            operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldHaveSingleItem(name).ShouldBeOneOf(tags.ToArray());
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            statuses.ShouldContain("503", name);
            var anonymous = operation["security"] is JsonArray { Count: 0 };
            if (!anonymous) statuses.ShouldContain("401", name);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["in"]!.GetValue<string>() == "query") char.IsLower(parameter["name"]!.GetValue<string>()[0]).ShouldBeTrue(name);
            }
        }
        operations.Count(o => o.Operation["security"] is JsonArray { Count: 0 }).ShouldBe(5, "the public channel's five endpoints take no token");
    }

    [Fact]
    public async Task the_scalar_reference_page_is_served() =>
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/scalar/v1");
            s.StatusCodeShouldBe(200);
        });
}
