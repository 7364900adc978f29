using System.Text;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace Cases.Api.Tests.Contract;

/// <summary>
/// The check every response of the suite goes through (<see cref="ContractValidation"/>) refuses what the document does
/// not say, and names the operation, the status and what is wrong: shown here on answers no endpoint gives.
/// </summary>
public class when_a_response_breaks_the_contract(CaseApiApp app) : CaseApiTests(app)
{
    private Task<string?> CheckAsync(string operationId, int status, string? contentType, string body, Action<IHeaderDictionary>? headers = null)
    {
        var endpoint = App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<HttpChain>()?.OperationId == operationId);
        var context = new DefaultHttpContext();
        context.Request.Method = endpoint.Metadata.GetMetadata<HttpChain>()!.HttpMethods.Single();
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        headers?.Invoke(context.Response.Headers);
        return App.Host.Services.GetRequiredService<ContractValidator>().CheckAsync(endpoint, context, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public async Task a_status_its_operation_does_not_list_is_refused() =>
        (await CheckAsync("GetCase", 418, "application/problem+json", """{"title":"Teapot","status":418}"""))
        .ShouldStartWith("GET /api/cases/{caseId} answered 418, which the document does not list for it (it lists 200, 400, 401, 403, 404, 503)");

    [Fact]
    public async Task a_body_that_breaks_its_schema_is_refused_with_the_schema_error()
    {
        var message = await CheckAsync("GetCase", 200, "application/json", """{"id":"not-an-id","version":"1"}""");
        message.ShouldNotBeNull().ShouldStartWith("GET /api/cases/{caseId} answered 200 with a application/json body that breaks its schema");
        message.ShouldContain("at '/version'");
        message.ShouldContain("Required properties");
    }

    [Fact]
    public async Task a_content_type_the_document_does_not_give_is_refused() =>
        (await CheckAsync("ExportAuditTrail", 200, "text/html", "<p>trail</p>"))
        .ShouldStartWith("GET /api/audit/export answered 200 with a body of type 'text/html', which the document does not give it (text/csv");

    [Fact]
    public async Task a_refusal_that_is_no_problem_details_is_refused() =>
        (await CheckAsync("ListCases", 400, "application/problem+json", """{"title":"Bad","status":400}""")).ShouldNotBeNull()
        .ShouldContain("Required properties [\"errors\"] are not present");

    [Fact]
    public async Task a_missing_required_header_is_refused() =>
        (await CheckAsync("RegisterCase", 201, "application/json", "{}"))
        .ShouldBe("POST /api/cases answered 201: the required header Location is missing.");

    [Fact]
    public async Task a_json_answer_without_a_body_is_refused_an_empty_export_is_not()
    {
        (await CheckAsync("GetCase", 200, "application/json", ""))
            .ShouldBe("GET /api/cases/{caseId} answered 200 with no body, where the document gives it application/json.");
        (await CheckAsync("ExportChain", 200, "application/x-ndjson; charset=utf-8", "")).ShouldBeNull();
    }

    [Fact]
    public async Task an_answer_the_document_describes_passes() =>
        (await CheckAsync("ListCases", 400, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad","status":400,"errors":{"page":["Must be 1 or more."]},"traceId":"00-1"}"""))
        .ShouldBeNull();
}
