using System.Text;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// A catalogue of malformed and hostile requests across the endpoints, each sent by a user whose role may call the
/// endpoint. Every one must be answered 4xx with ProblemDetails, never 5xx, and leave the event table exactly as it
/// was, byte for byte. The catalogue runs through Alba's test server and again over a real socket to Kestrel, with
/// requests that only a socket can send (broken chunking, lengths, request lines and headers).
/// </summary>
public class when_a_client_is_hostile(MeetingApiApp app, ITestOutputHelper output) : MeetingApiTests(app)
{
    /// <summary>One hostile request. Paths and bodies may name the estate's records as {case}, {commission}, {meeting},
    /// {decision}, {sanction}.</summary>
    public sealed record Hostile(string Name, string Method, string Path, string Role, string? ContentType = "application/json",
        string? Body = null, byte[]? Bytes = null, Dictionary<string, string>? Headers = null, int? Status = null,
        Func<string>? Token = null);

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
        new("a body id in braces", "POST", "/api/meetings", Roles.Secretary,
            Body: """{"commissionId":"{{commission}}","scheduledFor":"2021-11-20T10:00:00+06:00","place":"Hall","agenda":[{"question":"Plan"}]}""", Status: 400),
        new("a command on a route id in braces", "POST", "/api/cases/%7B{case}%7D/acknowledgement", Roles.Registrar, Body: """{"expectedVersion":1}""", Status: 404),
        new("an enum filter by its .NET name", "GET", "/api/cases?channel=CallCentre", Roles.Registrar, Status: 400),
        new("an enum filter given twice", "GET", "/api/cases?channel=hotline&channel=press", Roles.Registrar, Status: 400),
        new("a query id in braces", "GET", "/api/decisions?commissionId=%7B{commission}%7D", Roles.Secretary, Status: 400),
        new("a query date in another form", "GET", "/api/meetings?from=01.11.2021", Roles.Secretary, Status: 400),
        new("a public report in two categories", "POST", "/api/public/nroc/reports", Roles.Registrar,
            Body: """{"category":"corruption, ethics","text":"t","anonymous":true}""", Status: 400),
        new("a public report by a .NET category name", "POST", "/api/public/nroc/reports", Roles.Registrar,
            Body: """{"category":"MedicalCare","text":"t","anonymous":true}""", Status: 400),

        // Token claims, crit, canonical paths and content coding: refused at the door, before any handler or write.
        new("a NUL in the organisation", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nr\u0000oc","role":"registrar"}"""), Status: 401),
        new("a NUL in the user", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"e\u0000ve","org":"nroc","role":"registrar"}"""), Status: 401),
        new("a NUL in a role", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","role":["registrar","x\u0000"]}"""), Status: 401),
        new("a 3,000-character organisation", "POST", "/api/cases", Roles.Registrar, Body: ValidCase,
            Token: () => Claims($$"""{"sub":"eve","org":"{{new string('a', 3_000)}}","role":"registrar"}"""), Status: 401),
        new("an organisation that is an object", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":{"id":"nroc"},"role":"registrar"}"""), Status: 401),
        new("an organisation that is a list", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":["nroc"],"role":"registrar"}"""), Status: 401),
        new("an organisation that is a number", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":42,"role":"registrar"}"""), Status: 401),
        new("an organisation in capitals", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"NROC","role":"registrar"}"""), Status: 401),
        new("an organisation the service does not serve", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"atlantis","role":"registrar"}"""), Status: 401),
        new("the organisation given twice", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","org":"pavlodar-region","role":"registrar"}"""), Status: 401),
        new("no user", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"org":"nroc","role":"registrar"}"""), Status: 401),
        new("a user that is an object", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":{"name":"eve"},"org":"nroc","role":"registrar"}"""), Status: 401),
        new("a blank user", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"   ","org":"nroc","role":"registrar"}"""), Status: 401),
        new("a 201-character user", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims($$"""{"sub":"{{new string('u', 201)}}","org":"nroc","role":"registrar"}"""), Status: 401),
        new("a user with a right-to-left override", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve\u202Egnp.exe","org":"nroc","role":"registrar"}"""), Status: 401),
        new("a user with a lone surrogate", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve\ud800","org":"nroc","role":"registrar"}"""), Status: 401),
        new("a role the service does not grant", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","role":["registrar","admin"]}"""), Status: 403),
        new("a role in capitals", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","role":"Registrar"}"""), Status: 403),
        new("a role that is an object", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","role":{"name":"registrar"}}"""), Status: 401),
        new("a role that is a number", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => Claims("""{"sub":"eve","org":"nroc","role":[1]}"""), Status: 401),
        new("a crit naming an unknown extension", "POST", "/api/cases", Roles.Registrar, Body: ValidCase,
            Token: () => HandMadeTokens.Signed(Eve, header: "\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":\"mfa\""), Status: 401),
        new("an empty crit", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => HandMadeTokens.Signed(Eve, header: "\"crit\":[]"), Status: 401),
        new("an unsigned token", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Token: () => HandMadeTokens.Signed(Eve, algorithm: "none"), Status: 401),
        new("dot segments encoded", "GET", "/api/cases/%2e%2e/commissions", Roles.Secretary, Status: 400),
        new("dot segments in capitals", "GET", "/api/cases/%2E%2E/commissions", Roles.Secretary, Status: 400),
        new("dot segments half encoded", "POST", "/api/cases/.%2e/commissions", Roles.Secretary,
            Body: """{"name":"Ethics commission","kind":"ethics","establishedOn":"2021-01-04","quorum":"more-than-half","majority":"more-than-half-of-present","chairHasCastingVote":false}""", Status: 400),
        new("dot segments encoded twice", "GET", "/api/cases/%252e%252e/commissions", Roles.Secretary, Status: 400),
        new("an encoded slash", "GET", "/api/cases%2f{case}", Roles.Registrar, Status: 400),
        new("an encoded backslash", "GET", "/api/cases%5c{case}", Roles.Registrar, Status: 400),
        new("an encoded letter", "GET", "/api/c%61ses/{case}", Roles.Registrar, Status: 400),
        new("an id in braces", "GET", "/api/cases/%7B{case}%7D", Roles.Registrar, Status: 404),
        new("an id without hyphens", "GET", "/api/cases/{case:n}", Roles.Registrar, Status: 404),
        new("an id in capitals", "POST", "/api/cases/{case:upper}/reopening", Roles.Investigator, Body: """{"expectedVersion":1,"reason":"again"}""", Status: 404),
        new("a route in capitals", "GET", "/api/CASES/{case}", Roles.Registrar, Status: 404),
        new("a write to a route in capitals", "POST", "/API/cases", Roles.Registrar, Body: ValidCase, Status: 404),
        new("a trailing slash", "GET", "/api/cases/{case}/", Roles.Registrar, Status: 404),
        new("a doubled slash", "POST", "/api//cases", Roles.Registrar, Body: ValidCase, Status: 404),
        new("a compressed body", "POST", "/api/cases", Roles.Registrar, Body: ValidCase, Headers: new() { ["Content-Encoding"] = "gzip" }, Status: 415)
    ];

    private const string Eve = """{"sub":"eve","org":"nroc","role":"registrar"}""";

    private static string Claims(string json) => HandMadeTokens.Signed(json);

    /// <summary>One request only a socket can send, built around a valid registrar's token.</summary>
    public sealed record Malformed(string Name, Func<string, byte[]> Request, int Status, bool Problem);

    /// <summary>A valid registration in one chunk: only the transport can be at fault.</summary>
    private static string Chunked(string body) => $"{Encoding.UTF8.GetByteCount(body):x}\r\n{body}\r\n0\r\n\r\n";

    private static byte[] Post(string token, string head, string body = "") =>
        RawHttp.Request($"POST /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n{head}",
            Encoding.ASCII.GetBytes(body));

    /// <summary>
    /// Transport the pipeline never sees whole: Kestrel refuses most of it before the application runs (4xx with no
    /// body, since no ProblemDetails writer has run yet), and what it finds while the body is read surfaces in the
    /// application, which answers ProblemDetails.
    /// </summary>
    public static IReadOnlyList<Malformed> Transport() =>
    [
        new("a chunk size that overflows", t => Post(t, "Transfer-Encoding: chunked", "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"), 400, true),
        new("a chunk size that is no number", t => Post(t, "Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"), 400, true),
        new("a chunk without its line end", t => Post(t, "Transfer-Encoding: chunked", "2\r\n{}XX0\r\n\r\n"), 400, true),
        new("a chunk with a bare LF", t => Post(t, "Transfer-Encoding: chunked", "2\n{}\r\n0\r\n\r\n"), 400, true),
        new("chunked and a length at once", t => Post(t, "Transfer-Encoding: chunked\r\nContent-Length: 5", Chunked(ValidCase)), 400, true),
        new("a transfer coding besides chunked", t => Post(t, "Transfer-Encoding: gzip, chunked", Chunked(ValidCase)), 400, true),
        new("a transfer coding without chunked", t => Post(t, "Transfer-Encoding: gzip", "{}"), 400, false),
        new("a length that is no number", t => Post(t, "Content-Length: two", "{}"), 400, false),
        new("a negative length", t => Post(t, "Content-Length: -2", "{}"), 400, false),
        new("two lengths", t => Post(t, "Content-Length: 2\r\nContent-Length: 3", "{}"), 400, false),
        new("a length beyond 64 bits", t => Post(t, "Content-Length: 99999999999999999999", "{}"), 400, false),
        new("a length over the body limit", t => Post(t, "Content-Length: 10000000", "{}"), 413, true),
        new("a body shorter than its length", t => Post(t, "Content-Length: 500", "{}"), 408, true),
        new("a request line over the limit", t => RawHttp.Request($"GET /api/cases?q={new string('a', 10_000)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}"), 414, false),
        new("headers over the total limit", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}\r\nX-Padding: {new string('p', 20_000)}"), 431, false),
        new("more headers than allowed", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}\r\n" +
            string.Join("\r\n", Enumerable.Range(0, 60).Select(i => $"X-H{i}: v"))), 431, false),
        new("no Host header", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nAuthorization: Bearer {t}"), 400, false),
        new("a header name with a space", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}\r\nBad Header: v"), 400, false),
        new("a folded header", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}\r\nX-A: v\r\n folded"), 400, false),
        new("a bare LF ending a line", t => RawHttp.Request($"GET /api/cases HTTP/1.1\nHost: localhost\r\nAuthorization: Bearer {t}"), 400, false),
        new("a NUL in a header", t => RawHttp.Request($"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}\r\nX-A: a\0b"), 400, false),
        new("an encoded NUL in the path", t => RawHttp.Request($"GET /api/cases/%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}"), 400, false),
        new("a path that is not a path", t => RawHttp.Request($"GET api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}"), 400, false),
        new("dot segments as sent", t => RawHttp.Request($"GET /api/cases/../commissions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}"), 400, true),
        new("dot segments in an absolute target", t => RawHttp.Request($"GET http://localhost/api/cases/%2e%2e/commissions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {t}"), 400, true)
    ];

    [Fact]
    public async Task every_request_is_refused_with_a_problem_and_the_events_are_untouched()
    {
        var estate = await EveryKindOfRecordAsync();
        var events = await EventsFingerprintAsync();
        var answers = new List<Answer>();

        foreach (var hostile in Catalogue())
        {
            var response = (await SendAsync(hostile, estate)).Response;
            answers.Add(new(hostile.Name, response.StatusCode, response.ContentType, response.Headers.XContentTypeOptions,
                response.Headers.CacheControl, hostile.Status, Problem: true));
            (await EventsFingerprintAsync()).ShouldBe(events, $"{hostile.Name} changed the events");
        }

        answers.Count.ShouldBeGreaterThanOrEqualTo(60);
        Judge("the test server", answers);
    }

    [Fact]
    public async Task over_a_real_socket_every_request_is_refused_and_the_events_are_untouched()
    {
        var estate = await EveryKindOfRecordAsync();
        var server = await App.LoopbackAsync();
        var events = await EventsFingerprintAsync();
        var answers = new List<Answer>();

        foreach (var hostile in Catalogue())
        {
            var answer = await RawHttp.SendAsync(server, RawRequest(hostile, estate));
            answers.Add(new(hostile.Name, answer.Status, answer.Header("Content-Type"), answer.Header("X-Content-Type-Options"),
                answer.Header("Cache-Control"), hostile.Status, Problem: true));
            (await EventsFingerprintAsync()).ShouldBe(events, $"{hostile.Name} changed the events");
        }
        var token = App.Token(Org, Roles.Registrar);
        foreach (var malformed in Transport())
        {
            var answer = await RawHttp.SendAsync(server, malformed.Request(token));
            answers.Add(new(malformed.Name, answer.Status, answer.Header("Content-Type"), answer.Header("X-Content-Type-Options"),
                answer.Header("Cache-Control"), malformed.Status, malformed.Problem));
            (await EventsFingerprintAsync()).ShouldBe(events, $"{malformed.Name} changed the events");
        }

        answers.Count.ShouldBe(Catalogue().Count + Transport().Count);
        Judge("a real socket", answers);
    }

    /// <summary>
    /// The one answer in 5xx a client can provoke: Kestrel refuses an HTTP version it does not speak before the
    /// application runs, with the status HTTP defines for it (RFC 9110 §15.6.6), and nothing is read or written.
    /// </summary>
    [Fact]
    public async Task an_unknown_http_version_is_answered_505_by_kestrel_itself()
    {
        var events = await EventsFingerprintAsync();
        var answer = await RawHttp.SendAsync(await App.LoopbackAsync(),
            RawHttp.Request($"GET /api/cases HTTP/9.9\r\nHost: localhost\r\nAuthorization: Bearer {Registrar}"));
        answer.Status.ShouldBe(505);
        (await EventsFingerprintAsync()).ShouldBe(events);
    }

    /// <summary>A refusal as the catalogue judges it; <paramref name="Problem"/> when the application wrote the answer.</summary>
    private sealed record Answer(string Name, int Status, string? ContentType, string? NoSniff, string? CacheControl, int? Expected, bool Problem);

    /// <summary>Every answer 4xx as expected; every answer of the application a ProblemDetails that is neither sniffed nor stored.</summary>
    private void Judge(string server, List<Answer> answers)
    {
        output.WriteLine($"{answers.Count} hostile requests over {server}: {answers.Count(a => a.Status is >= 400 and < 500)} answered 4xx, " +
                         $"{answers.Count(a => a.Status >= 500)} 5xx; statuses " +
                         string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        answers.Where(a => a.Status is < 400 or >= 500 || a.Expected is { } expected && a.Status != expected
                           || a.Problem && (a.ContentType?.StartsWith("application/problem+json") != true || a.NoSniff != "nosniff" || a.CacheControl != "no-store"))
            .Select(a => $"{a.Name}: {a.Status} {a.ContentType} nosniff={a.NoSniff} cache={a.CacheControl}").ShouldBeEmpty();
    }

    private static string Fill(string text, Estate estate) => text
        .Replace("{case:n}", estate.CaseId.ToString("N")).Replace("{case:upper}", estate.CaseId.ToString().ToUpperInvariant())
        .Replace("{case}", estate.CaseId.ToString()).Replace("{commission}", estate.CommissionId.ToString())
        .Replace("{meeting}", estate.MeetingId.ToString()).Replace("{decision}", estate.DecisionId.ToString())
        .Replace("{sanction}", estate.SanctionId.ToString());

    private static byte[]? BodyOf(Hostile hostile, Estate estate) =>
        hostile.Bytes ?? (hostile.Body is null ? null : Encoding.UTF8.GetBytes(Fill(hostile.Body, estate)));

    private string TokenOf(Hostile hostile) => hostile.Token?.Invoke() ?? App.Token(Org, hostile.Role);

    private async Task<HttpContext> SendAsync(Hostile hostile, Estate estate)
    {
        var bytes = BodyOf(hostile, estate);
        var result = await App.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = hostile.Method;
                var path = Fill(hostile.Path, estate);
                var query = path.IndexOf('?');
                c.Request.Path = PathString.FromUriComponent(query < 0 ? path : path[..query]);
                // As Kestrel gives it: the target as sent, before any decoding.
                c.Features.Get<IHttpRequestFeature>()!.RawTarget = path;
                if (query >= 0) c.Request.QueryString = new QueryString(path[query..]);
                if (bytes is not null)
                {
                    c.Request.ContentType = hostile.ContentType;
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                }
                foreach (var (name, value) in hostile.Headers ?? []) c.Request.Headers[name] = value;
            });
            s.WithBearerToken(TokenOf(hostile));
            s.IgnoreStatusCode();
        });
        return result.Context;
    }

    /// <summary>The same request as bytes on the wire, its path exactly as written in the catalogue.</summary>
    private byte[] RawRequest(Hostile hostile, Estate estate)
    {
        var bytes = BodyOf(hostile, estate);
        var head = new StringBuilder($"{hostile.Method} {Fill(hostile.Path, estate)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {TokenOf(hostile)}");
        if (bytes is not null)
        {
            if (hostile.ContentType is not null) head.Append($"\r\nContent-Type: {hostile.ContentType}");
            head.Append($"\r\nContent-Length: {bytes.Length}");
        }
        foreach (var (name, value) in hostile.Headers ?? []) head.Append($"\r\n{name}: {value}");
        return RawHttp.Request(head.ToString(), bytes);
    }

    /// <summary>Every column of every event row, hashed in PostgreSQL.</summary>
    private async Task<string> EventsFingerprintAsync() =>
        (string)(await App.ScalarAsync($"select coalesce(md5(string_agg(e::text, '|' order by seq_id)), '') from {App.Schema}.mt_events e"))!
        + (string)(await App.ScalarAsync($"select coalesce(md5(string_agg(s::text, '|' order by id)), '') from {App.Schema}.mt_streams s"))!;
}
