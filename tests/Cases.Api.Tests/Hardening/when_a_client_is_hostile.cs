using System.Text;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// A catalogue of malformed and hostile requests across the endpoints, each sent by a user whose role may call the
/// endpoint. Every one must be answered 4xx with ProblemDetails, never 5xx, and leave the event table exactly as it
/// was, byte for byte.
/// </summary>
public class when_a_client_is_hostile(MeetingApiApp app, ITestOutputHelper output) : MeetingApiTests(app)
{
    /// <summary>One hostile request. Paths and bodies may name the estate's records as {case}, {commission}, {meeting},
    /// {decision}, {sanction}.</summary>
    public sealed record Hostile(string Name, string Method, string Path, string Role, string? ContentType = "application/json",
        string? Body = null, byte[]? Bytes = null, Dictionary<string, string>? Headers = null, int? Status = null);

    private const string Json = "application/json";
    private static readonly string ValidCase =
        """{"channel":"call-centre","category":"medical-care","subjects":["E-1042"],"summary":"Waited five hours","receivedOn":"2021-03-02"}""";

    private static string CaseWith(string field, string value) => ValidCase[..^1] + $",\"{field}\":{value}}}";
    private static string CaseWhere(string field, string value) =>
        System.Text.RegularExpressions.Regex.Replace(ValidCase, $"\"{field}\":(\"[^\"]*\"|\\[[^\\]]*\\])", $"\"{field}\":{value}");
    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);
    private static string Quoted(int length, char c = 'x') => "\"" + new string(c, length) + "\"";

    public static IReadOnlyList<Hostile> Catalogue() =>
    [
        // Broken JSON
        new("unterminated object", "POST", "/api/cases", Roles.Registrar, Body: "{", Status: 400),
        new("cut off mid-field", "POST", "/api/cases", Roles.Registrar, Body: """{"channel":"call-centre","categ""", Status: 400),
        new("not JSON at all", "POST", "/api/cases", Roles.Registrar, Body: "channel=call-centre", Status: 400),
        new("an array, not an object", "POST", "/api/cases", Roles.Registrar, Body: "[]", Status: 400),
        new("JSON null", "POST", "/api/cases", Roles.Registrar, Body: "null", Status: 400),
        new("a bare string", "POST", "/api/cases", Roles.Registrar, Body: "\"register\"", Status: 400),
        new("an empty body", "POST", "/api/cases", Roles.Registrar, Body: "", Status: 400),
        new("trailing garbage", "POST", "/api/cases", Roles.Registrar, Body: ValidCase + " DROP TABLE", Status: 400),
        new("two objects", "POST", "/api/cases", Roles.Registrar, Body: ValidCase + ValidCase, Status: 400),
        new("comments", "POST", "/api/cases", Roles.Registrar, Body: "/* hi */" + ValidCase, Status: 400),
        new("single quotes", "POST", "/api/cases", Roles.Registrar, Body: ValidCase.Replace('"', '\''), Status: 400),
        new("NaN as a number", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":NaN}""", Status: 400),
        new("invalid UTF-8", "POST", "/api/cases", Roles.Registrar, Bytes: [.. Encoding.UTF8.GetBytes(ValidCase[..^2]), 0xC3, 0x28, (byte)'"', (byte)'}'], Status: 400),
        new("a lone surrogate", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", "\"\\ud800 broken\""), Status: 400),
        new("a NUL character", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", "\"before\\u0000after\""), Status: 400),

        // Wrong types
        new("number for an enum", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "5"), Status: 400),
        new("string for an array", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("subjects", "\"E-1042\""), Status: 400),
        new("number for a date", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "20210302"), Status: 400),
        new("object for a string", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", "{\"text\":\"x\"}"), Status: 400),
        new("word for a version", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":"one"}""", Status: 400),
        new("fraction for a version", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":1.5}""", Status: 400),
        new("negative version", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":-1}"""),
        new("version beyond 64 bits", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":99999999999999999999999}""", Status: 400),
        new("string for a boolean", "POST", "/api/cases/{case}/finding", Roles.Investigator,
            Body: """{"expectedVersion":1,"violationFound":"true","employeesAtFault":[],"ethicsArticlesViolated":[],"corruptionRelated":false,"summary":"s"}""", Status: 400),
        new("null for a required text", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", "null"), Status: 400),
        new("null in an array", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("subjects", "[null]"), Status: 400),
        new("unknown enum value", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "\"carrier-pigeon\""), Status: 400),
        new("enum in the wrong case", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "\"CALL-CENTRE\""), Status: 400),
        new("negative file size", "POST", "/api/cases/{case}/evidence", Roles.Investigator,
            Body: $$"""{"expectedVersion":1,"fileName":"a.pdf","mediaType":"application/pdf","sizeBytes":-5,"sha256":"{{new string('a', 64)}}","description":"d"}""", Status: 400),

        // Unknown and duplicate fields
        new("an unknown field", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("priority", "\"urgent\""), Status: 400),
        new("a duplicate field", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("channel", "\"hotline\""), Status: 400),
        new("a field in another case", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("Summary", "\"again\""), Status: 400),

        // Fields that try to set what the service decides
        new("sets the id", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("id", "\"0198c0de-0000-7000-8000-000000000001\""), Status: 400),
        new("sets the case id", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("caseId", "\"0198c0de-0000-7000-8000-000000000001\""), Status: 400),
        new("sets the version", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("version", "7"), Status: 400),
        new("sets the organisation", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("organisation", "\"pavlodar-region\""), Status: 400),
        new("sets the tenant", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("tenantId", "\"pavlodar-region\""), Status: 400),
        new("sets the status", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("status", "\"closed\""), Status: 400),
        new("sets the number", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("number", "\"2021-9999\""), Status: 400),
        new("sets who registered", "POST", "/api/cases", Roles.Registrar, Body: CaseWith("registeredBy", "\"boss\""), Status: 400),
        new("sets the protocol number", "POST", "/api/meetings/{meeting}/cancellation", Roles.Secretary,
            Body: """{"expectedVersion":1,"reason":"r","number":"1/2021"}""", Status: 400),

        // Huge strings and arrays
        new("a 200,000-character summary", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", Quoted(200_000)), Status: 400),
        new("10,000 subjects", "POST", "/api/cases", Roles.Registrar,
            Body: CaseWhere("subjects", "[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"E-{i}\"")) + "]"), Status: 400),
        new("a 50,000-character name", "POST", "/api/cases", Roles.Registrar,
            Body: CaseWith("complainant", $$"""{"anonymous":false,"name":{{Quoted(50_000)}}}"""), Status: 400),
        new("5,000 articles", "POST", "/api/cases/{case}/finding", Roles.Investigator,
            Body: """{"expectedVersion":1,"violationFound":true,"employeesAtFault":["E-1042"],"ethicsArticlesViolated":[""" +
                  string.Join(",", Enumerable.Repeat("\"4.2\"", 5_000)) + """],"corruptionRelated":false,"summary":"s"}""", Status: 400),
        new("a 100,000-character reason", "POST", "/api/meetings/{meeting}/cancellation", Roles.Secretary,
            Body: $$"""{"expectedVersion":1,"reason":{{Quoted(100_000)}}}""", Status: 400),
        new("a 300-character personnel number", "POST", "/api/employees/E-1042/absences", Roles.Hr,
            Body: $$"""{"expectedVersion":0,"kind":"vacation","from":"2021-07-01","to":"2021-07-10","personnelNumber":{{Quoted(300)}}}""", Status: 400),

        // Deep nesting
        new("arrays nested 5,000 deep", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("subjects", Nested(5_000)), Status: 400),
        new("objects nested 100 deep", "POST", "/api/cases", Roles.Registrar,
            Body: CaseWith("complainant", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)), Status: 400),

        // Oversized bodies
        new("a 300 KB body", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("summary", Quoted(300_000)), Status: 413),
        new("a 2 MB body", "POST", "/api/contacts", Roles.Registrar, Body: new string(' ', 2_000_000) + "{}", Status: 413),

        // Bad dates
        new("the 30th of February", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"2021-02-30\""), Status: 400),
        new("a word for a date", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"yesterday\""), Status: 400),
        new("the year 1", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"0001-01-01\""), Status: 400),
        new("the last day of time", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"9999-12-31\""), Status: 400),
        new("a date in the future", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"2030-01-01\""), Status: 400),
        new("a date with a time", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"2021-03-02T25:00:00\""), Status: 400),
        new("month 13", "POST", "/api/meetings", Roles.Secretary,
            Body: """{"commissionId":"{commission}","scheduledFor":"2021-13-01T10:00:00+06:00","place":"Hall","agenda":[{"question":"Plan"}]}""", Status: 400),
        new("an offset of 99 hours", "POST", "/api/meetings", Roles.Secretary,
            Body: """{"commissionId":"{commission}","scheduledFor":"2021-11-20T10:00:00+99:00","place":"Hall","agenda":[{"question":"Plan"}]}""", Status: 400),
        new("absence ending before it starts", "POST", "/api/employees/E-1042/absences", Roles.Hr,
            Body: """{"expectedVersion":1,"kind":"vacation","from":"2021-07-10","to":"2021-07-01"}""", Status: 400),
        new("a query date that is no date", "GET", "/api/audit?from=last-tuesday", Roles.Auditor, Status: 400),
        new("a report month that does not exist", "GET", "/api/statistics?from=2021-02-30&to=2021-03-31", Roles.Analyst, Status: 400),
        new("a year beyond the calendar", "POST", "/api/calendar/99999999999", Roles.Hr,
            Body: """{"expectedVersion":0,"holidays":[],"workingWeekendDays":[]}"""),

        // Page sizes and pages
        new("a negative page size", "GET", "/api/cases?pageSize=-1", Roles.Registrar, Status: 400),
        new("a zero page size", "GET", "/api/cases?pageSize=0", Roles.Registrar, Status: 400),
        new("a giant page size", "GET", "/api/cases?pageSize=1000000000", Roles.Registrar, Status: 400),
        new("a page size beyond 32 bits", "GET", "/api/cases?pageSize=99999999999", Roles.Registrar, Status: 400),
        new("a negative page", "GET", "/api/decisions?page=-5", Roles.Secretary, Status: 400),
        new("a page beyond reach", "GET", "/api/cases?page=2147483647&pageSize=100", Roles.Registrar, Status: 400),
        new("a giant audit page", "GET", "/api/audit?pageSize=100000", Roles.Auditor, Status: 400),
        new("a word for a page", "GET", "/api/sanctions?page=first", Roles.Hr, Status: 400),

        // Path traversal and hostile names
        new("traversal in a personnel number", "GET", "/api/employees/..%2F..%2Fetc%2Fpasswd", Roles.Hr),
        new("a control character in a personnel number", "GET", "/api/employees/E-1%09%1B", Roles.Hr),
        new("markup in a personnel number", "GET", "/api/employees/%3Cscript%3E", Roles.Hr),
        new("traversal into the absences", "POST", "/api/employees/..%2Fadmin/absences", Roles.Hr,
            Body: """{"expectedVersion":0,"kind":"vacation","from":"2021-07-01","to":"2021-07-10"}""", Status: 400),
        new("traversal in a file name", "POST", "/api/cases/{case}/evidence", Roles.Investigator,
            Body: $$"""{"expectedVersion":1,"fileName":"../../etc/passwd","mediaType":"text/plain","sizeBytes":5,"sha256":"{{new string('a', 64)}}","description":"d"}""", Status: 400),
        new("a case id that is no id", "GET", "/api/cases/..%2F..%2Faudit", Roles.Registrar),
        new("an export format that is a path", "GET", "/api/audit/export?format=..%2F..%2Fetc%2Fpasswd", Roles.Auditor, Status: 400),
        new("injection in a filter", "GET", "/api/cases?status=open'%3Bdrop%20table%20mt_events%3B--", Roles.Registrar, Status: 400),
        new("the empty id", "POST", "/api/cases/00000000-0000-0000-0000-000000000000/acknowledgement", Roles.Registrar,
            Body: """{"expectedVersion":1}"""),

        // Wrong content types
        new("plain text", "POST", "/api/cases", Roles.Registrar, ContentType: "text/plain", Body: ValidCase, Status: 415),
        new("XML", "POST", "/api/cases", Roles.Registrar, ContentType: "application/xml", Body: "<case/>", Status: 415),
        new("a form", "POST", "/api/cases", Roles.Registrar, ContentType: "application/x-www-form-urlencoded", Body: "channel=hotline", Status: 415),
        new("multipart", "POST", "/api/contacts", Roles.Registrar, ContentType: "multipart/form-data; boundary=x", Body: "--x--", Status: 415),

        // Headers
        new("a reason that decodes to control characters", "POST", "/api/cases", Roles.Registrar, Body: ValidCase,
            Headers: new() { [EventMetadata.ReasonHeader] = "Bad%00reason%1B%5B2J" }, Status: 400),
        new("a 1,000-character correlation id", "POST", "/api/cases", Roles.Registrar, Body: ValidCase,
            Headers: new() { [EventMetadata.CorrelationHeader] = new string('c', 1_000) }, Status: 400),
        new("a 500-character idempotency key", "POST", "/api/cases", Roles.Registrar, Body: ValidCase,
            Headers: new() { [Idempotency.Header] = new string('k', 500) }, Status: 400),
        new("a method the route does not have", "PUT", "/api/cases", Roles.Registrar, Body: ValidCase, Status: 405),
        new("DELETE on a case", "DELETE", "/api/cases/{case}", Roles.Investigator, Status: 405),

        // The strict contract (issue 14): one form of each value, in bodies, routes and query strings, here and on the public channel
        new("two channels joined by a comma", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "\"internal, public\""), Status: 400),
        new("two sanction types that once made a dismissal", "POST", "/api/sanctions", Roles.Hr,
            Body: """{"personnelNumber":"E-1042","caseId":"{case}","type":"reprimand, severe-reprimand","orderNumber":"1","orderDate":"2021-11-10","offenceCommittedOn":"2021-10-20","offenceDiscoveredOn":"2021-11-01"}""", Status: 400),
        new("an enum by its .NET name", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "\"CallCentre\""), Status: 400),
        new("an enum as a numeric string", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("category", "\"1\""), Status: 400),
        new("unknown, which is only ever answered", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("channel", "\"unknown\""), Status: 400),
        new("a version as a string", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":"999"}""", Status: 400),
        new("a version with a fraction of zero", "POST", "/api/cases/{case}/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":1.0}""", Status: 400),
        new("a date without its zeros", "POST", "/api/cases", Roles.Registrar, Body: CaseWhere("receivedOn", "\"2021-3-2\""), Status: 400),
        new("a moment without its offset", "POST", "/api/meetings", Roles.Secretary,
            Body: """{"commissionId":"{commission}","scheduledFor":"2021-11-20T10:00:00","place":"Hall","agenda":[{"question":"Plan"}]}""", Status: 400),
        new("an id in braces", "POST", "/api/meetings", Roles.Secretary,
            Body: """{"commissionId":"{{commission}}","scheduledFor":"2021-11-20T10:00:00+06:00","place":"Hall","agenda":[{"question":"Plan"}]}""", Status: 400),
        new("a route id in braces", "GET", "/api/cases/%7B{case}%7D", Roles.Registrar, Status: 404),
        new("a command on a route id in braces", "POST", "/api/cases/%7B{case}%7D/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":1}""", Status: 404),
        new("an enum filter by its .NET name", "GET", "/api/cases?channel=CallCentre", Roles.Registrar, Status: 400),
        new("an enum filter given twice", "GET", "/api/cases?channel=hotline&channel=press", Roles.Registrar, Status: 400),
        new("a query id in braces", "GET", "/api/decisions?commissionId=%7B{commission}%7D", Roles.Secretary, Status: 400),
        new("a query date in another form", "GET", "/api/meetings?from=01.11.2021", Roles.Secretary, Status: 400),
        new("a public report in two categories", "POST", "/api/public/nroc/reports", Roles.Registrar,
            Body: """{"category":"corruption, ethics","text":"t","anonymous":true}""", Status: 400),
        new("a public report by a .NET category name", "POST", "/api/public/nroc/reports", Roles.Registrar,
            Body: """{"category":"MedicalCare","text":"t","anonymous":true}""", Status: 400)
    ];

    [Fact]
    public async Task every_request_is_refused_with_a_problem_and_the_events_are_untouched()
    {
        var estate = await EveryKindOfRecordAsync();
        var events = await EventsFingerprintAsync();
        var answers = new List<(Hostile Request, int Status, string? ContentType)>();

        foreach (var hostile in Catalogue())
        {
            var context = await SendAsync(hostile, estate);
            answers.Add((hostile, context.Response.StatusCode, context.Response.ContentType));
            (await EventsFingerprintAsync()).ShouldBe(events, $"{hostile.Name} changed the events");
        }

        output.WriteLine($"{answers.Count} hostile requests: {answers.Count(a => a.Status is >= 400 and < 500)} answered 4xx, " +
                         $"{answers.Count(a => a.Status >= 500)} 5xx; statuses " +
                         string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        answers.Count.ShouldBeGreaterThanOrEqualTo(60);
        answers.Where(a => a.Status is < 400 or >= 500 || a.ContentType?.StartsWith("application/problem+json") != true
                           || a.Request.Status is { } expected && a.Status != expected)
            .Select(a => $"{a.Request.Name}: {a.Status} {a.ContentType}").ShouldBeEmpty();
    }

    private async Task<HttpContext> SendAsync(Hostile hostile, Estate estate)
    {
        string Fill(string text) => text.Replace("{case}", estate.CaseId.ToString()).Replace("{commission}", estate.CommissionId.ToString())
            .Replace("{meeting}", estate.MeetingId.ToString()).Replace("{decision}", estate.DecisionId.ToString())
            .Replace("{sanction}", estate.SanctionId.ToString());

        var bytes = hostile.Bytes ?? (hostile.Body is null ? null : Encoding.UTF8.GetBytes(Fill(hostile.Body)));
        var result = await App.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = hostile.Method;
                var path = Fill(hostile.Path);
                var query = path.IndexOf('?');
                c.Request.Path = PathString.FromUriComponent(query < 0 ? path : path[..query]);
                if (query >= 0) c.Request.QueryString = new QueryString(path[query..]);
                if (bytes is not null)
                {
                    c.Request.ContentType = hostile.ContentType;
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                }
                foreach (var (name, value) in hostile.Headers ?? []) c.Request.Headers[name] = value;
            });
            s.WithBearerToken(App.Token(Org, hostile.Role));
            s.IgnoreStatusCode();
        });
        return result.Context;
    }

    /// <summary>Every column of every event row, hashed in PostgreSQL.</summary>
    private async Task<string> EventsFingerprintAsync() =>
        (string)(await App.ScalarAsync($"select coalesce(md5(string_agg(e::text, '|' order by seq_id)), '') from {App.Schema}.mt_events e"))!
        + (string)(await App.ScalarAsync($"select coalesce(md5(string_agg(s::text, '|' order by id)), '') from {App.Schema}.mt_streams s"))!;
}
