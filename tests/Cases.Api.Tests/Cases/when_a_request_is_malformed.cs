using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_a_request_is_malformed(CaseApiApp app) : CaseApiTests(app)
{
    private const string Valid =
        """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"Bribe asked","receivedOn":"2021-03-02"}""";

    public static TheoryData<string, string> BadRegistrations() => new()
    {
        { """{"channel":"hotline",""", "$" },
        { "", "$" },
        { "null", "$" },
        { "[]", "$" },
        { """{"channel":"fax","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "channel" },
        { """{"channel":1,"category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "channel" },
        { """{"channel":"hotline","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "category" },
        { """{"channel":"hotline","category":"corruption","subjects":"E-1","summary":"s","receivedOn":"2021-03-02"}""", "subjects" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-13-45"}""", "receivedOn" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2022-01-01"}""", "receivedOn" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":null,"receivedOn":"2021-03-02"}""", "summary" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"  ","receivedOn":"2021-03-02"}""", "summary" },
        { """{"channel":"hotline","category":"corruption","subjects":["../../etc"],"summary":"s","receivedOn":"2021-03-02"}""", "subjects[0]" },
        { """{"id":"0190d5b4-0000-7000-8000-000000000000","channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "id" },
        { """{"number":"2021-0001","channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "number" },
        { """{"channel":"hotline","channel":"website","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02"}""", "channel" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02","complainant":{"anonymous":false}}""", "complainant.name" },
        { """{"channel":"hotline","category":"corruption","subjects":["E-1"],"summary":"s","receivedOn":"2021-03-02","complainant":{"anonymous":false,"name":"A","ssn":"1"}}""", "complainant.ssn" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task a_bad_registration_is_400_with_the_field_named(string json, string field)
    {
        var problem = await RefusedAsync("/api/cases", null, 400, Registrar, rawJson: json);

        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_valid_body_of_these_tests_is_accepted()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Url("/api/cases");
            s.Body.TextIs(Valid);
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(Registrar);
            s.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task oversized_text_and_too_many_subjects_are_refused()
    {
        var problem = await RefusedAsync("/api/cases", new
        {
            channel = "hotline", category = "other", summary = new string('x', 10_001), receivedOn = "2021-03-02",
            subjects = Enumerable.Range(1, 51).Select(i => $"E-{i}").ToArray()
        }, 400, Registrar);

        problem.Errors!.Keys.ShouldBe(["summary", "subjects"], ignoreOrder: true);
    }

    [Fact]
    public async Task deep_nesting_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"a":""", 40)) + "1" + new string('}', 40);
        (await RefusedAsync("/api/cases", null, 400, Registrar, rawJson: deep)).Errors.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_body_over_the_size_limit_is_413()
    {
        var huge = $$"""{"channel":"hotline","category":"other","subjects":["E-1"],"receivedOn":"2021-03-02","summary":"{{new string('x', 300_000)}}"}""";
        await RefusedAsync("/api/cases", null, 413, Registrar, rawJson: huge);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_415()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Url("/api/cases");
            s.Body.TextIs("channel=hotline");
            s.WithRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            s.WithBearerToken(Registrar);
            s.StatusCodeShouldBe(415);
        });
    }

    public static TheoryData<string, object, string> BadCommands() => new()
    {
        { "acknowledgement", new { }, "expectedVersion" },
        { "acknowledgement", new { expectedVersion = 0 }, "expectedVersion" },
        { "acknowledgement", new { version = 1 }, "version" },
        { "acknowledgement", new { expectedVersion = 1, acknowledgedOn = "2099-01-01" }, "acknowledgedOn" },
        { "acknowledgement", new { expectedVersion = 1, status = "closed" }, "status" },
        { "assignment", new { expectedVersion = 1, investigator = "" }, "investigator" },
        { "explanation-requests", new { expectedVersion = 1, personnelNumber = "E 1042; drop table" }, "personnelNumber" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042" }, "text" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", text = "t", refusalWitnesses = new[] { "W" } }, "text" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", refusalWitnesses = Array.Empty<string>() }, "refusalWitnesses" },
        { "evidence", new { expectedVersion = 1, fileName = "../../etc/passwd", mediaType = "text/plain", sizeBytes = 1, sha256 = new string('a', 64), description = "d" }, "fileName" },
        { "evidence", new { expectedVersion = 1, fileName = "a.pdf", mediaType = "pdf", sizeBytes = 1, sha256 = new string('a', 64), description = "d" }, "mediaType" },
        { "evidence", new { expectedVersion = 1, fileName = "a.pdf", mediaType = "application/pdf", sizeBytes = -1, sha256 = "abc", description = "d" }, "sha256" },
        { "finding", new { expectedVersion = 1, violationFound = false, employeesAtFault = Array.Empty<string>(), ethicsArticlesViolated = new[] { "4.2" }, corruptionRelated = false, summary = "s" }, "ethicsArticlesViolated" },
        { "finding", new { expectedVersion = 1, violationFound = true, employeesAtFault = Array.Empty<string>(), ethicsArticlesViolated = new[] { "4.2" }, corruptionRelated = false, summary = "s" }, "employeesAtFault" },
        { "finding", new { expectedVersion = 1, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new string?[] { null }, corruptionRelated = false, summary = "s" }, "ethicsArticlesViolated[0]" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", refusalWitnesses = new string?[] { "A", null } }, "refusalWitnesses[1]" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", refusalWitnesses = new[] { "A. Nurlanova" } }, "refusalWitnesses" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", text = "" }, "text" },
        { "explanations", new { expectedVersion = 1, personnelNumber = "E-1042", text = "a\u0000b" }, "text" },
        { "closure", new { expectedVersion = 1, outcome = "withdrawn", summary = "bell\u0007" }, "summary" },
        { "subjects", new { expectedVersion = 1, personnelNumber = "" }, "personnelNumber" },
        { "closure", new { expectedVersion = 1, outcome = "banished", summary = "s" }, "outcome" },
        { "reopening", new { expectedVersion = 1, reason = "" }, "reason" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task a_bad_command_is_400_with_the_field_named_and_the_case_unchanged(string action, object body, string field)
    {
        var created = await RegisterAsync();

        var problem = await RefusedAsync($"/api/cases/{created.Id}/{action}", body, 400, Investigator);

        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field);
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "pageSize=101", "pageSize" },
        { "pageSize=0", "pageSize" },
        { "pageSize=-5", "pageSize" },
        { "page=0", "page" },
        { "status=lost", "status" },
        { "channel=Hotline", "channel" },
        { "receivedFrom=2021-05-01&receivedTo=2021-04-01", "receivedFrom" },
        { "subject=%3Cscript%3E", "subject" },
        { "page=30000000&pageSize=100", "page" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task a_bad_list_query_is_400(string query, string field)
    {
        var problem = await RefusedAsync($"/api/cases?{query}", null, 400, Investigator);
        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field);
    }

    [Fact]
    public async Task an_unparseable_query_value_is_400_not_a_default()
    {
        (await RefusedAsync("/api/cases?page=abc", null, 400, Investigator)).Status.ShouldBe(400);
        (await RefusedAsync("/api/cases?receivedFrom=yesterday", null, 400, Investigator)).Status.ShouldBe(400);
    }

    [Theory]
    [InlineData("null", 400, 0)]
    [InlineData("""{"channel":"hotline"}""", 400, 0)]
    [InlineData(Valid, 201, 1)]
    public async Task a_body_without_a_content_type_is_checked_as_json(string json, int status, int events)
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Url("/api/cases");
            s.Body.TextIs(json);
            s.ConfigureHttpContext(c => c.Request.ContentType = null);
            s.WithBearerToken(Registrar);
            s.StatusCodeShouldBe(status);
        });

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_nul_character_in_the_summary_is_400()
    {
        var problem = await RefusedAsync("/api/cases", null, 400, Registrar,
            rawJson: Valid.Replace("Bribe asked", "Bribe\\u0000asked"));
        problem.Errors!.Keys.ShouldContain("summary");
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("line%0Bfeed")]
    public async Task an_unprintable_reason_header_is_400_and_writes_nothing(string reason)
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.WithRequestHeader("X-Reason", reason);
            s.StatusCodeShouldBe(400);
        });
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_correlation_id_too_long_to_keep_is_400()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.WithRequestHeader("X-Correlation-ID", new string('c', 101));
            s.StatusCodeShouldBe(400);
        });
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_reason_over_the_limit_is_400_not_silently_dropped()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.WithRequestHeader("X-Reason", new string('r', 1_001));
            s.StatusCodeShouldBe(400);
        });
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
