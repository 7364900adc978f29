using System.Text.Json;
using Cases.Api.Public;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// The answers that carry a person's identity, evidence, messages or a reporter's receipt are never kept by a browser
/// or a shared cache (<c>Cache-Control: no-store</c>), and no answer of the service, refusals included, is sniffed
/// for another type than the one given (<c>X-Content-Type-Options: nosniff</c>).
/// </summary>
public class when_an_answer_holds_personal_data(PublicApiApp app) : PublicApiTests(app)
{
    [Fact]
    public async Task no_cache_keeps_it_and_no_browser_sniffs_it()
    {
        var answers = new List<(string What, IScenarioResult Result)>();
        var reported = await PublicAsync("POST", $"/api/public/{Org}/reports", IdentifiedReport(), 201);
        answers.Add(("a public report's receipt", reported));
        var receipt = (await reported.ReadAsJsonAsync<PublicReportReceived>())!.ReceiptCode;
        answers.Add(("the reporter's follow-up", await PublicAsync("GET", $"/api/public/{Org}/report", null, 200, receipt)));
        answers.Add(("the reporter's message", await PublicAsync("POST", $"/api/public/{Org}/report/messages", new { text = "I have the papers." }, 201, receipt)));
        var publicCase = await PublicCaseAsync();
        answers.Add(("the case's messages", await CallAsync("GET", $"/api/cases/{publicCase.Id}/messages", null, Investigator, 200)));

        var registered = await RegisterAsync(Registration(complainant: new { anonymous = false, name = "Aigerim Bekova", phone = "+7 701 555 0199" }));
        answers.Add(("the complainant", await CallAsync("GET", $"/api/cases/{registered.Id}/complainant", null, Investigator, 200)));
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);
        await PostAsync<JsonElement>($"/api/cases/{caseId}/evidence", new
        {
            expectedVersion = version, fileName = "call.mp3", mediaType = "audio/mpeg", sizeBytes = 1024, sha256 = new string('a', 64), description = "Call"
        }, Investigator);
        var evidenceId = (await GetCaseAsync(caseId)).Evidence.Single().EvidenceId;
        answers.Add(("the evidence", await CallAsync("GET", $"/api/cases/{caseId}/evidence/{evidenceId}", null, Investigator, 200)));
        answers.Add(("a refusal without a token", await CallAsync("GET", $"/api/cases/{caseId}", null, null, 401)));
        answers.Add(("an unknown case", await CallAsync("GET", $"/api/cases/{Guid.CreateVersion7()}", null, Investigator, 404)));
        answers.Add(("an invalid body", await CallAsync("POST", "/api/cases", new { channel = "pigeon" }, Registrar, 400)));

        answers.Select(a => (a.What, CacheControl: a.Result.Context.Response.Headers.CacheControl.ToString(),
                NoSniff: a.Result.Context.Response.Headers.XContentTypeOptions.ToString()))
            .Where(a => a.CacheControl != "no-store" || a.NoSniff != "nosniff")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task an_answer_outside_the_api_is_not_sniffed_either()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(200);
        });
        result.Context.Response.Headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }
}
