using System.Text.Json.Nodes;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Contract;

/// <summary>
/// Every value a request carries is read in one form only, through the real pipeline: a body, a route and a query
/// string alike. Each refusal is a 400 naming the field (a route id names no record: 404), and writes nothing.
/// </summary>
public class when_a_request_breaks_the_contract(CaseApiApp app) : CaseApiTests(app)
{
    private const string Case = """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"Bribe asked","receivedOn":"2021-03-02"}""";
    private const string Contact = """{"channel":"hotline","topic":"A question","corruptionRelated":false}""";
    private const string Id = "0198c0de-0000-7000-8000-00000000000a";

    private static string With(string body, string field, string json) =>
        System.Text.RegularExpressions.Regex.Replace(body, $"\"{field}\":(\"[^\"]*\"|true|false|\\d+)", $"\"{field}\":{json}");

    private static string Adding(string body, string field, string json) => body[..^1] + $",\"{field}\":{json}}}";

    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        // Enums: exactly one documented name
        { "two channels joined by a comma", "/api/cases", With(Case, "channel", "\"internal, public\""), "channel" },
        { "two categories joined without a space", "/api/cases", With(Case, "category", "\"ethics,other\""), "category" },
        { "the .NET name of a channel", "/api/cases", With(Case, "channel", "\"CallCentre\""), "channel" },
        { "the .NET name of a category", "/api/cases", With(Case, "category", "\"MedicalCare\""), "category" },
        { "a channel in another case", "/api/cases", With(Case, "channel", "\"Hotline\""), "channel" },
        { "a channel with a space", "/api/cases", With(Case, "channel", "\" hotline\""), "channel" },
        { "a channel as an integer", "/api/cases", With(Case, "channel", "1"), "channel" },
        { "a channel as a numeric string", "/api/cases", With(Case, "channel", "\"1\""), "channel" },
        { "unknown, which is only ever answered", "/api/cases", With(Case, "channel", "\"unknown\""), "channel" },
        { "a contact's channel joined by a comma", "/api/contacts", With(Contact, "channel", "\"hotline, press\""), "channel" },
        // Numbers only as JSON numbers, booleans only as booleans
        { "a version as a string", "/api/cases/{case}/acknowledgement", """{"expectedVersion":"1"}""", "expectedVersion" },
        { "a version as a large string", "/api/cases/{case}/acknowledgement", """{"expectedVersion":"999"}""", "expectedVersion" },
        { "a version with a fraction", "/api/cases/{case}/acknowledgement", """{"expectedVersion":1.0}""", "expectedVersion" },
        { "a version in exponent form", "/api/cases/{case}/acknowledgement", """{"expectedVersion":1e0}""", "expectedVersion" },
        { "a boolean as a string", "/api/contacts", With(Contact, "corruptionRelated", "\"false\""), "corruptionRelated" },
        // Dates: YYYY-MM-DD
        { "a date without its zeros", "/api/cases", With(Case, "receivedOn", "\"2021-3-2\""), "receivedOn" },
        { "a date with a time", "/api/cases", With(Case, "receivedOn", "\"2021-03-02T00:00:00Z\""), "receivedOn" },
        { "a date in local form", "/api/cases", With(Case, "receivedOn", "\"02.03.2021\""), "receivedOn" },
        { "a date as a number", "/api/cases", With(Case, "receivedOn", "20210302"), "receivedOn" },
        { "an optional date without its zeros", "/api/cases/{case}/acknowledgement", """{"expectedVersion":1,"acknowledgedOn":"2021-3-3"}""", "acknowledgedOn" },
        { "a contact date with a time", "/api/contacts", Adding(Contact, "contactedOn", "\"2021-03-02T10:00:00+06:00\""), "contactedOn" },
        // Ids: 8-4-4-4-12 hexadecimal digits
        { "an id without hyphens", "/api/contacts", Adding(Contact, "caseId", $"\"{Id.Replace("-", "")}\""), "caseId" },
        { "an id in braces", "/api/contacts", Adding(Contact, "caseId", $"\"{{{Id}}}\""), "caseId" },
        { "an id in parentheses", "/api/contacts", Adding(Contact, "caseId", $"\"({Id})\""), "caseId" },
        { "an id as a URN", "/api/contacts", Adding(Contact, "caseId", $"\"urn:uuid:{Id}\""), "caseId" },
        // Fields: as documented, once, all there
        { "a field in another case", "/api/cases", Case.Replace("\"summary\"", "\"Summary\""), "Summary" },
        { "a field given twice", "/api/cases", Adding(Case, "channel", "\"press\""), "channel" },
        { "a missing field", "/api/cases", Case.Replace(",\"receivedOn\":\"2021-03-02\"", ""), "receivedOn" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task a_body_outside_the_contract_is_400_naming_the_field_and_writes_nothing(string what, string url, string body, string field)
    {
        var created = await RegisterAsync();
        var events = await App.CountAllEventsAsync();

        var problem = await RefusedAsync(url.Replace("{case}", created.Id.ToString()), null, 400, Investigator, rawJson: body);

        problem.Errors.ShouldNotBeNull(what).Keys.ShouldContain(field, what);
        (await App.CountAllEventsAsync()).ShouldBe(events, what);
        (await GetCaseAsync(created.Id)).Version.ShouldBe(1, what);
    }

    [Fact]
    public async Task the_same_values_in_their_one_form_are_accepted()
    {
        var created = await RegisterAsync();
        await CommandAsync(created.Id, "acknowledgement", new { expectedVersion = 1, acknowledgedOn = "2021-03-03" });
        await App.Host.Scenario(s =>
        {
            s.Post.Url("/api/contacts");
            s.Body.TextIs(Adding(Adding(Contact, "caseId", $"\"{created.Id.ToString().ToUpperInvariant()}\""), "contactedOn", "\"2021-03-02\""));
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(Registrar);
            s.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task the_openapi_document_states_the_same_forms()
    {
        var schemas = JsonNode.Parse(await (await CallAsync("GET", "/openapi/v1.json", null, null, 200)).ReadAsTextAsync())!["components"]!["schemas"]!;

        schemas["Channel"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(
            ["call-centre", "hotline", "website", "social-media", "press", "written", "procurement-monitoring", "internal", "public", "unknown"]);
        schemas["Channel"]!["description"]!.GetValue<string>().ShouldContain("never accepted");
        schemas["SanctionType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["remark", "reprimand", "severe-reprimand", "dismissal"]);
        schemas["AcknowledgeCase"]!["properties"]!["expectedVersion"]!["type"]!.GetValue<string>().ShouldBe("integer");
        schemas["RegisterCase"]!["properties"]!["receivedOn"]!["pattern"]!.GetValue<string>().ShouldBe(CanonicalDateConverter.PatternText);
        schemas["ScheduleMeeting"]!["properties"]!["scheduledFor"]!["pattern"]!.GetValue<string>().ShouldBe(CanonicalMomentConverter.PatternText);
        schemas["ScheduleMeeting"]!["properties"]!["commissionId"]!["pattern"]!.GetValue<string>().ShouldBe(CanonicalGuid.PatternText);
    }

    public static TheoryData<string> OtherFormsOfAnId() => new()
    {
        "{0}",
        "{{{0}}}",
        "({0})",
        "%7B{0}%7D",
        "%20{0}",
        "urn:uuid:{0}",
    };

    [Theory]
    [MemberData(nameof(OtherFormsOfAnId))]
    public async Task a_route_id_in_another_form_names_no_record(string form)
    {
        var created = await RegisterAsync();
        var id = form == "{0}" ? created.Id.ToString("N") : string.Format(form, created.Id);

        await CallAsync("GET", $"/api/cases/{id}", null, Investigator, 404);
        await CallAsync("POST", $"/api/cases/{id}/acknowledgement", new { expectedVersion = 1 }, Investigator, 404);

        (await App.CountAllEventsAsync()).ShouldBe(1);
        (await GetCaseAsync(created.Id)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_route_id_in_upper_case_names_no_record()
    {
        var created = await RegisterAsync();
        await CallAsync("GET", $"/api/cases/{created.Id.ToString().ToUpperInvariant()}", null, Investigator, 404);
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "channel=Hotline", "channel" },
        { "channel=CallCentre", "channel" },
        { "channel=hotline,press", "channel" },
        { "channel=hotline%2C%20press", "channel" },
        { "channel=hotline&channel=press", "channel" },
        { "channel=%20hotline", "channel" },
        { "channel=1", "channel" },
        { "channel=unknown", "channel" },
        { "status=CLOSED", "status" },
        { "category=medical-care&category=ethics", "category" },
        { "receivedFrom=2021-3-1", "receivedFrom" },
        { "receivedFrom=03/01/2021", "receivedFrom" },
        { "receivedTo=2021-03-31T00:00:00Z", "receivedTo" },
        { "page=%2B1", "page" },
        { "page=01", "page" },
        { "page=%201", "page" },
        { "pageSize=1e1", "pageSize" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task a_query_value_outside_its_form_is_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await RefusedAsync($"/api/cases?{query}", null, 400, Investigator);
        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(parameter);
    }

    [Theory]
    [InlineData("/api/cases?stauts=closed", "stauts")]
    [InlineData("/api/cases?status=closed&verbose=true", "verbose")]
    [InlineData("/api/calendar?all=true", "all")]
    [InlineData("/api/deadlines?days=30&=x", "")]
    public async Task a_query_parameter_the_endpoint_does_not_take_is_400_naming_it(string url, string parameter)
    {
        var problem = await RefusedAsync(url, null, 400, Investigator);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe([parameter]);
    }

    [Theory]
    [InlineData("caseId={0}")]
    [InlineData("caseId=%7B{1}%7D")]
    [InlineData("from=2021-03-01")]
    [InlineData("from=2021-03-01T00:00:00")]
    [InlineData("to=2021-03-01%2000:00:00Z")]
    public async Task an_audit_filter_outside_its_form_is_400_naming_the_parameter(string query)
    {
        var id = Guid.CreateVersion7();
        var problem = await RefusedAsync($"/api/audit?{string.Format(query, id.ToString("N"), id)}", null, 400, App.Token(Org, Roles.Auditor));
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe([query[..query.IndexOf('=')]]);
    }

    [Fact]
    public async Task query_values_in_their_one_form_are_accepted()
    {
        await RegisterAsync();
        (await GetAsync<Paged<CaseSummary>>("/api/cases?channel=call-centre&category=medical-care&receivedFrom=2021-03-01&receivedTo=2021-03-31&page=1&pageSize=10",
            Investigator)).Items.ShouldHaveSingleItem();
        await GetAsync<Paged<Projections.Audit.AuditEntry>>(
            $"/api/audit?caseId={Guid.CreateVersion7().ToString().ToUpperInvariant()}&from=2021-03-01T00:00:00%2B06:00&to=2021-04-01T00:00:00Z",
            App.Token(Org, Roles.Auditor));
    }
}
