using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// The whole role matrix: every endpoint the service maps, against every role and against every kind of bad token.
/// The table is the specification: an endpoint added without a row here fails the first test.
/// </summary>
public class when_any_endpoint_is_called(CaseApiApp app) : CaseApiTests(app)
{
    /// <summary>The public channel's endpoints: no token needed, and a token, good or bad, changes nothing.</summary>
    private const string Anyone = "anyone";

    /// <summary>Who may call what, written out role by role (the README's tables say the same).</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>
    {
        ["GET /api/audit"] = "auditor",
        ["GET /api/audit/chain"] = "auditor",
        ["GET /api/audit/chain/export"] = "auditor",
        ["GET /api/audit/export"] = "auditor",
        ["GET /api/calendar"] = "registrar investigator hr secretary member auditor",
        ["POST /api/calendar/{year}"] = "hr",
        ["GET /api/cases"] = "registrar investigator hr secretary member auditor",
        ["POST /api/cases"] = "registrar investigator",
        ["GET /api/cases/{caseId}"] = "registrar investigator hr secretary member auditor",
        ["POST /api/cases/{caseId}/acknowledgement"] = "registrar investigator",
        ["GET /api/cases/{caseId}/as-of"] = "auditor",
        ["POST /api/cases/{caseId}/assignment"] = "investigator",
        ["POST /api/cases/{caseId}/closure"] = "investigator",
        ["POST /api/cases/{caseId}/corrections"] = "investigator",
        ["GET /api/cases/{caseId}/complainant"] = "registrar investigator auditor",
        ["POST /api/cases/{caseId}/complainant/erasure"] = "dpo",
        ["GET /api/cases/{caseId}/decisions"] = "secretary member hr auditor investigator",
        ["POST /api/cases/{caseId}/evidence"] = "investigator",
        ["GET /api/cases/{caseId}/evidence/{evidenceId}"] = "investigator auditor",
        ["POST /api/cases/{caseId}/explanation-requests"] = "investigator",
        ["POST /api/cases/{caseId}/explanations"] = "investigator",
        ["GET /api/cases/{caseId}/messages"] = "investigator auditor",
        ["POST /api/cases/{caseId}/messages"] = "investigator",
        ["POST /api/cases/{caseId}/finding"] = "investigator",
        ["GET /api/cases/{caseId}/finding"] = "investigator hr secretary member auditor",
        ["GET /api/cases/{caseId}/history"] = "auditor",
        ["GET /api/cases/{caseId}/timeline"] = "registrar investigator hr secretary member auditor",
        ["POST /api/cases/{caseId}/reassignment"] = "investigator",
        ["POST /api/cases/{caseId}/referral"] = "investigator",
        ["POST /api/cases/{caseId}/reopening"] = "investigator",
        ["POST /api/cases/{caseId}/subjects"] = "investigator",
        ["GET /api/commissions"] = "secretary member hr auditor",
        ["POST /api/commissions"] = "secretary",
        ["GET /api/commissions/{commissionId}"] = "secretary member hr auditor",
        ["POST /api/commissions/{commissionId}/appointments"] = "secretary",
        ["POST /api/commissions/{commissionId}/releases"] = "secretary",
        ["PUT /api/call-lines/{line}"] = "compliance",
        ["GET /api/call-lines"] = "compliance auditor analyst",
        ["POST /api/call-lines/{line}/days/{date}/calls"] = "compliance",
        ["PUT /api/call-lines/{line}/days/{date}/calls"] = "compliance",
        ["POST /api/call-lines/{line}/months/{month}/calls"] = "compliance",
        ["GET /api/call-lines/summary"] = "compliance auditor analyst",
        ["POST /api/contacts"] = "registrar investigator",
        ["GET /api/contacts/{contactId}"] = "registrar investigator auditor",
        ["POST /api/monitoring/rounds"] = "compliance",
        ["GET /api/monitoring/rounds"] = "compliance auditor analyst",
        ["GET /api/monitoring/rounds/{roundId}"] = "compliance auditor analyst",
        ["POST /api/monitoring/rounds/{roundId}/corrections"] = "compliance",
        ["POST /api/monitoring/rounds/{roundId}/withdrawal"] = "compliance",
        ["GET /api/monitoring/summary"] = "compliance auditor analyst",
        ["GET /api/deadlines"] = "registrar investigator hr secretary auditor compliance dpo",
        ["GET /api/decisions"] = "secretary member hr auditor",
        ["GET /api/decisions/execution-rate"] = "secretary member hr auditor analyst",
        ["GET /api/decisions/execution-by-body"] = "secretary member hr auditor analyst",
        ["GET /api/instructions"] = "secretary member hr auditor",
        ["GET /api/instructions/{instructionId}"] = "secretary member hr auditor",
        ["POST /api/instructions/{instructionId}/execution"] = "secretary",
        ["GET /api/decisions/open-by-executor"] = "secretary member hr auditor",
        ["GET /api/reminder-rules"] = "registrar investigator hr secretary member auditor compliance dpo",
        ["POST /api/reminder-rules"] = "compliance",
        ["GET /api/me/reminders"] = "registrar investigator hr secretary member auditor compliance dpo",
        ["GET /api/me/digest"] = "registrar investigator hr secretary member auditor compliance dpo",
        ["POST /api/me/reminders/{reminderId}/acknowledgement"] = "registrar investigator hr secretary member auditor compliance dpo",
        ["POST /api/me/reminders/{reminderId}/snooze"] = "registrar investigator hr secretary member auditor compliance dpo",
        ["GET /api/decisions/{decisionId}"] = "secretary member hr auditor",
        ["GET /api/decisions/{decisionId}/as-of"] = "auditor",
        ["GET /api/decisions/{decisionId}/history"] = "auditor",
        ["POST /api/decisions/{decisionId}/execution-reports"] = "secretary",
        ["POST /api/decisions/{decisionId}/extension-grant"] = "secretary",
        ["POST /api/decisions/{decisionId}/extension-refusal"] = "secretary",
        ["POST /api/decisions/{decisionId}/extension-requests"] = "secretary",
        ["GET /api/employees/{personnelNumber}"] = "hr investigator secretary member auditor",
        ["GET /api/employees/{personnelNumber}/in-force"] = "hr investigator secretary member auditor",
        ["POST /api/employees/{personnelNumber}/absence-cancellations"] = "hr",
        ["POST /api/employees/{personnelNumber}/absences"] = "hr",
        ["GET /api/meetings"] = "secretary member hr auditor",
        ["POST /api/meetings"] = "secretary",
        ["GET /api/meetings/{meetingId}"] = "secretary member hr auditor",
        ["GET /api/meetings/{meetingId}/report"] = "secretary member hr auditor analyst",
        ["GET /api/meetings/{meetingId}/as-of"] = "auditor",
        ["POST /api/meetings/{meetingId}/attendance"] = "secretary",
        ["POST /api/meetings/{meetingId}/cancellation"] = "secretary",
        ["POST /api/meetings/{meetingId}/conflicts"] = "secretary member",
        ["POST /api/meetings/{meetingId}/corrections"] = "secretary",
        ["POST /api/meetings/{meetingId}/hearings"] = "secretary",
        ["GET /api/meetings/{meetingId}/history"] = "auditor",
        ["POST /api/meetings/{meetingId}/opening"] = "secretary",
        ["POST /api/meetings/{meetingId}/rescheduling"] = "secretary",
        ["POST /api/meetings/{meetingId}/resolutions"] = "secretary",
        ["POST /api/meetings/{meetingId}/signature"] = "secretary",
        ["POST /api/meetings/{meetingId}/votes"] = "secretary",
        ["POST /api/public/{organisation}/reports"] = Anyone,
        ["GET /api/public/{organisation}/report"] = Anyone,
        ["POST /api/public/{organisation}/report/messages"] = Anyone,
        ["POST /api/public/{organisation}/report/notice-address"] = Anyone,
        ["POST /api/public/{organisation}/report/notice-address/removal"] = Anyone,
        ["POST /api/retention/archival"] = "dpo",
        ["GET /api/mobile-groups"] = "compliance auditor analyst",
        ["POST /api/mobile-groups"] = "compliance",
        ["GET /api/mobile-groups/summary"] = "compliance auditor analyst",
        ["GET /api/mobile-groups/{groupId}"] = "compliance auditor analyst",
        ["POST /api/mobile-groups/{groupId}/departures"] = "compliance",
        ["POST /api/mobile-groups/{groupId}/disbandment"] = "compliance",
        ["POST /api/mobile-groups/{groupId}/members"] = "compliance",
        ["POST /api/mobile-groups/{groupId}/schedule"] = "compliance",
        ["POST /api/mobile-groups/{groupId}/visits"] = "compliance",
        ["GET /api/action-plans"] = "compliance auditor analyst",
        ["POST /api/action-plans"] = "compliance",
        ["GET /api/action-plans/{planId}"] = "compliance auditor analyst",
        ["GET /api/action-plans/{planId}/execution"] = "compliance auditor analyst",
        ["POST /api/action-plans/{planId}/items"] = "compliance",
        ["POST /api/action-plans/{planId}/items/{itemNumber}/reports"] = "compliance",
        ["GET /api/risk-analyses"] = "compliance auditor analyst",
        ["POST /api/risk-analyses"] = "compliance",
        ["GET /api/risk-analyses/{analysisId}"] = "compliance auditor analyst",
        ["POST /api/risk-analyses/{analysisId}/approval"] = "compliance",
        ["POST /api/risk-analyses/{analysisId}/risks"] = "compliance",
        ["POST /api/risk-analyses/{analysisId}/risks/{riskNumber}/action"] = "compliance",
        ["POST /api/risk-analyses/{analysisId}/risks/{riskNumber}/action/report"] = "compliance",
        ["GET /api/sanctions"] = "hr investigator secretary member auditor",
        ["POST /api/sanctions"] = "hr",
        ["GET /api/sanctions/rules"] = "hr investigator secretary member auditor",
        ["GET /api/sanctions/{sanctionId}"] = "hr investigator secretary member auditor",
        ["POST /api/sanctions/{sanctionId}/announcement"] = "hr",
        ["POST /api/sanctions/{sanctionId}/appeal"] = "hr",
        ["POST /api/sanctions/{sanctionId}/appeal-decision"] = "hr",
        ["GET /api/sanctions/{sanctionId}/as-of"] = "auditor",
        ["GET /api/sanctions/{sanctionId}/history"] = "auditor",
        ["POST /api/sanctions/{sanctionId}/lifting"] = "hr",
        ["POST /api/sanctions/{sanctionId}/corrections"] = "hr",
        ["GET /api/statistics"] = "secretary member hr auditor analyst",
        ["GET /api/statistics/chart"] = "secretary member hr auditor analyst",
        ["GET /api/statistics/narrative"] = "secretary member hr auditor analyst",
        ["GET /api/statistics/rollup"] = "regional",
    };

    public static TheoryData<string> Endpoints() => new(Allowed.Keys);

    private static readonly string[] BadTokens = ["none", "expired", "forged", "wrong-audience"];

    [Fact]
    public void the_matrix_names_every_endpoint_the_service_maps()
    {
        var mapped = App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        mapped.Except(Allowed.Keys).ShouldBeEmpty("endpoints without a row in the role matrix");
        Allowed.Keys.Except(mapped).ShouldBeEmpty("rows for endpoints the service does not map");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task each_role_is_let_through_or_refused_and_bad_tokens_are_401(string endpoint)
    {
        var (method, url) = Concrete(endpoint);
        var allowed = Allowed[endpoint].Split(' ');
        var events = await App.CountAllEventsAsync();

        var anyone = allowed is [Anyone];
        foreach (var role in Roles.All)
        {
            var status = await StatusAsync(method, url, App.Token(Org, role));
            if (anyone || allowed.Contains(role)) status.ShouldNotBeOneOf([401, 403], $"{role} on {endpoint}");
            else status.ShouldBe(403, $"{role} on {endpoint}");
            status.ShouldBeLessThan(500, $"{role} on {endpoint}");
        }
        foreach (var bad in BadTokens)
        {
            var status = await StatusAsync(method, url, BadToken(bad, allowed[0]));
            if (anyone) status.ShouldNotBeOneOf([401, 403, 500], $"{bad} token on {endpoint}");
            else status.ShouldBe(401, $"{bad} token on {endpoint}");
        }
        // Nothing here is a complete, valid command: whatever the answer, nothing was written.
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    private string? BadToken(string kind, string role) => kind switch
    {
        "none" => null,
        "expired" => DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [role], "late", DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1)),
        "forged" => DevelopmentTokens.Mint("another-key-of-the-same-length-as-the-real-one-000000000", Org, [role], "mallory",
            DateTimeOffset.UtcNow, TimeSpan.FromHours(1)),
        _ => DevelopmentTokens.Mint(CasesApp.SigningKey, Org, [role], "eve", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), audience: "payroll")
    };

    /// <summary>A request for the route: unknown ids, a plausible personnel number and year, an empty body.</summary>
    private static (string Method, string Url) Concrete(string endpoint)
    {
        var method = endpoint[..endpoint.IndexOf(' ')];
        var url = System.Text.RegularExpressions.Regex.Replace(endpoint[(method.Length + 1)..], "{(\\w+)}", m => m.Groups[1].Value switch
        {
            "year" => "2021",
            "date" => "2021-03-01",
            "month" => "2021-03",
            "personnelNumber" => "E-1042",
            "riskNumber" or "itemNumber" => "1",
            _ => Guid.CreateVersion7().ToString()
        });
        return (method, url);
    }

    private async Task<int> StatusAsync(string method, string url, string? token)
    {
        var result = await App.Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else if (method == "PUT") s.Put.Json(new { }).ToUrl(url);
            else s.Post.Json(new { }).ToUrl(url);
            if (token is not null) s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
