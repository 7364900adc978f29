using System.Net;
using System.Security.Cryptography;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Public;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using Cases.Domain.Public;
using Cases.Projections.Cases;
using Cases.Projections.Public;

namespace Cases.Api.Tests.Public;

public class when_reporting_publicly(PublicApiApp app) : PublicApiTests(app)
{
    [Fact]
    public async Task a_report_becomes_a_case_on_the_public_channel_with_a_receipt_code()
    {
        var receipt = await ReportAsync();

        receipt.ReceiptCode.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){9}$");
        receipt.Status.ShouldBe(PublicStatus.Received);
        receipt.Url.ShouldBe($"/api/public/{Org}/report");
        var summary = await PublicCaseAsync();
        summary.Channel.ShouldBe(Channel.Public);
        summary.Category.ShouldBe(Category.Corruption);
        summary.ComplainantAnonymous.ShouldBeTrue();
        summary.ReceivedOn.ShouldBe(App.Clock.Today);
        summary.Number.ShouldBe("2021-0001");
    }

    [Fact]
    public async Task only_a_hash_of_the_code_is_kept()
    {
        var receipt = await ReportAsync();
        var secret = receipt.ReceiptCode.Replace("-", "")[8..];

        var stored = (string)(await App.ScalarAsync(
            $"select string_agg(data::text, ' ') from (select data from {App.Schema}.mt_events union all select data from {App.Schema}.mt_doc_publicreport) as everything"))!;

        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(secret[..8]);
        stored.ShouldContain(receipt.ReceiptCode[..4]);
    }

    [Fact]
    public async Task the_reporter_follows_the_case_and_exchanges_messages_with_the_investigator()
    {
        var receipt = await ReportAsync(IdentifiedReport());
        var summary = await PublicCaseAsync();
        (await FollowAsync(receipt.ReceiptCode)).Status.ShouldBe(PublicStatus.Received);

        var version = (await CommandAsync(summary.Id, "acknowledgement", new { expectedVersion = summary.Version })).Version;
        version = (await CommandAsync(summary.Id, "assignment", new { expectedVersion = version, investigator = "d.sultanova" })).Version;
        (await FollowAsync(receipt.ReceiptCode)).Status.ShouldBe(PublicStatus.BeingInvestigated);

        // The code is read however the reporter types it: lower case, without the hyphens.
        await PublicAsync("POST", $"/api/public/{Org}/report/messages", new { text = "I can bring the discharge papers." }, 201,
            receipt.ReceiptCode.Replace("-", "").ToLowerInvariant());
        var thread = await GetAsync<ThreadMessage[]>($"/api/cases/{summary.Id}/messages", Investigator);
        thread.ShouldHaveSingleItem().Text.ShouldBe("I can bring the discharge papers.");
        thread[0].From.ShouldBe(MessageAuthor.Reporter);

        version = (await GetCaseAsync(summary.Id)).Version;
        var replied = await PostAsync<CaseWritten>($"/api/cases/{summary.Id}/messages",
            new { expectedVersion = version, text = "Please do, on Monday at ten." }, Investigator);
        replied.Version.ShouldBe(version + 1);

        var view = await FollowAsync(receipt.ReceiptCode);
        view.Messages.Select(m => (m.From, m.Text)).ShouldBe([
            (MessageAuthor.Reporter, "I can bring the discharge papers."),
            (MessageAuthor.Investigator, "Please do, on Monday at ten.")
        ]);

        await CommandAsync(summary.Id, "closure", new { expectedVersion = replied.Version, outcome = "withdrawn", summary = "Settled" });
        var closed = await FollowAsync(receipt.ReceiptCode);
        closed.Status.ShouldBe(PublicStatus.Closed);
        closed.ClosedOn.ShouldBe(App.Clock.Today);
        var events = await App.CountAllEventsAsync();
        var refused = await PublicAsync("POST", $"/api/public/{Org}/report/messages", new { text = "Anyone there?" }, 409, receipt.ReceiptCode);
        (await ProblemOf(refused)).Rule.ShouldBe("case-closed");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task the_investigation_stays_hidden_from_the_reporter()
    {
        var receipt = await ReportAsync();
        var summary = await PublicCaseAsync();
        var version = (await CommandAsync(summary.Id, "acknowledgement", new { expectedVersion = summary.Version })).Version;
        version = (await CommandAsync(summary.Id, "assignment", new { expectedVersion = version, investigator = "d.sultanova" })).Version;
        version = (await CommandAsync(summary.Id, "subjects", new { expectedVersion = version, personnelNumber = "E-1042" })).Version;
        await CallAsync("POST", $"/api/cases/{summary.Id}/evidence", new
        {
            expectedVersion = version, fileName = "ward-roster.pdf", mediaType = "application/pdf", sizeBytes = 1200,
            sha256 = new string('a', 64), description = "Night shift roster showing the nurse on duty"
        }, Investigator, 200);

        var seen = await (await PublicAsync("GET", $"/api/public/{Org}/report", null, 200, receipt.ReceiptCode)).ReadAsTextAsync();

        foreach (var hidden in new[] { "d.sultanova", "E-1042", "ward-roster", "roster", "2021-0001", summary.Id.ToString() })
        {
            seen.ShouldNotContain(hidden, Shouldly.Case.Insensitive);
        }
        seen.ShouldContain("being-investigated");
    }

    [Fact]
    public async Task wrong_unknown_and_malformed_codes_learn_nothing()
    {
        var receipt = await ReportAsync();
        var groups = receipt.ReceiptCode.Split('-');
        // Same lookup part, another secret: the report exists, the code is wrong.
        var wrong = string.Join('-', groups[..2].Concat(groups[2..].Select(g => g == "0000" ? "1111" : "0000")));
        var unknown = string.Join('-', Enumerable.Repeat("ABCD", 10));
        var events = await App.CountAllEventsAsync();

        var answers = new List<(int Status, string Body)>();
        foreach (var code in new[] { wrong, unknown, "not-a-code" })
        {
            // Each code from an address of its own: four endpoints a code, more than the rate limit lets one address try.
            Address = new IPAddress(RandomNumberGenerator.GetBytes(4));
            foreach (var (method, url, body) in new (string, string, object?)[]
                     {
                         ("GET", $"/api/public/{Org}/report", null),
                         ("POST", $"/api/public/{Org}/report/messages", new { text = "hello" }),
                         ("POST", $"/api/public/{Org}/report/notice-address", new { address = "someone@example.kz" }),
                         ("POST", $"/api/public/{Org}/report/notice-address/removal", new { })
                     })
            {
                var result = await PublicAsync(method, url, body, 404, code);
                answers.Add((result.Context.Response.StatusCode, await ProblemWithoutTraceAsync(result)));
            }
        }

        answers.Distinct().ShouldHaveSingleItem();
        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await FollowAsync(receipt.ReceiptCode)).Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_request_without_a_code_is_400()
    {
        var problem = await ProblemOf(await PublicAsync("GET", $"/api/public/{Org}/report", null, 400));
        problem.Errors!.ShouldContainKey(PublicChannel.ReceiptHeader);
    }

    [Fact]
    public async Task an_organisation_the_service_does_not_know_is_404_and_nothing_is_written()
    {
        await PublicAsync("POST", "/api/public/no-such-org/reports", AnonymousReport(), 404);
        await PublicAsync("GET", "/api/public/no-such-org/report", null, 404, string.Join('-', Enumerable.Repeat("ABCD", 10)));
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task each_organisation_takes_its_own_reports()
    {
        var receipt = await ReportAsync(organisation: OtherOrg);

        await PublicAsync("GET", $"/api/public/{Org}/report", null, 404, receipt.ReceiptCode);
        await PublicAsync("GET", $"/api/public/{OtherOrg}/report", null, 200, receipt.ReceiptCode);
        (await GetAsync<Paged<CaseSummary>>("/api/cases?channel=public", Investigator)).Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"category":"corruption","text":"t","anonymous":true,"contact":{"name":"A"}}""", "contact")]
    [InlineData("""{"category":"corruption","text":"t"}""", "contact")]
    [InlineData("""{"category":"corruption","text":" ","anonymous":true}""", "text")]
    [InlineData("""{"category":"corruption","text":"t","contact":{"name":" "}}""", "contact.name")]
    [InlineData("""{"category":"gossip","text":"t","anonymous":true}""", "category")]
    public async Task a_bad_report_is_400_naming_the_field(string json, string field)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Url($"/api/public/{Org}/reports");
            s.Body.TextIs(json);
            s.WithRequestHeader("Content-Type", "application/json");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = Address);
            s.StatusCodeShouldBe(400);
        });
        (await ProblemOf(result)).Errors!.Keys.ShouldContain(field);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_investigator_writes_only_to_a_public_report()
    {
        var registered = await RegisterAsync();

        var problem = await RefusedAsync($"/api/cases/{registered.Id}/messages", new { expectedVersion = 1, text = "Hello" }, 409, Investigator);

        problem.Rule.ShouldBe("not-a-public-report");
        await RefusedAsync($"/api/cases/{registered.Id}/messages", null, 404, Investigator);
    }

    [Fact]
    public async Task a_token_of_another_organisation_opens_no_report_of_this_one()
    {
        var receipt = await ReportAsync();

        await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/public/{Org}/report");
            s.WithRequestHeader(PublicChannel.ReceiptHeader, receipt.ReceiptCode);
            s.WithBearerToken(App.Token(OtherOrg, Roles.Investigator));
            s.StatusCodeShouldBe(404);
        });
    }
}
