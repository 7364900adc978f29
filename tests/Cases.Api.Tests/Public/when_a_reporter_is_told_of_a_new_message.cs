using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Public;
using Cases.Api.Tests.Infrastructure;
using Cases.Api.Audit;
using Cases.Projections.Cases;
using MailKit.Net.Smtp;
using MimeKit;

namespace Cases.Api.Tests.Public;

/// <summary>
/// A reporter's address for notices of new messages, on the reminder tests' host (its SMTP server in the test
/// process): a reply mails one notice that says nothing of the case, in the reporter's language; a removed or erased
/// address gets nothing, and the address is nowhere in clear.
/// </summary>
[Collection(ReminderApiCollection.Name)]
public class when_a_reporter_is_told_of_a_new_message(ReminderApiApp app) : ApiTests<ReminderApiApp>(app)
{
    private const string ReportText = "The ward nurse asked for money before the infusion";
    private const string ReplyText = "Thank you: the head of the ward was questioned";

    private readonly IPAddress _address = new(RandomNumberGenerator.GetBytes(4));

    private string Dpo => App.Token(Org, Roles.DataProtection);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Mailbox.Received.Clear();
    }

    /// <summary>A public request from this test's address, in the reporter's language (Accept-Language) if given.</summary>
    private Task<IScenarioResult> PublicAsync(string url, object? body, int status, string? code = null, string? language = null) =>
        App.Host.Scenario(s =>
        {
            if (body is null) s.Get.Url(url);
            else s.Post.Json(body).ToUrl(url);
            if (code is not null) s.WithRequestHeader(PublicChannel.ReceiptHeader, code);
            if (language is not null) s.WithRequestHeader("Accept-Language", $"{language}-KZ");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = _address);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>A report in the language given, and its case as the investigators see it.</summary>
    private async Task<(string Code, CaseSummary Case)> ReportAsync(object report, string language)
    {
        var known = (await CasesAsync()).Select(c => c.Id).ToHashSet();
        var received = (await (await PublicAsync($"/api/public/{Org}/reports", report, 201, language: language)).ReadAsJsonAsync<PublicReportReceived>())!;
        return (received.ReceiptCode, (await CasesAsync()).Single(c => !known.Contains(c.Id)));
    }

    private async Task<IReadOnlyList<CaseSummary>> CasesAsync()
    {
        await App.ProjectionsCaughtUpAsync();
        return (await GetAsync<Paged<CaseSummary>>("/api/cases?channel=public", Investigator)).Items;
    }

    private async Task<CaseWritten> ReplyAsync(Guid caseId)
    {
        await App.ProjectionsCaughtUpAsync();
        var version = (await GetCaseAsync(caseId)).Version;
        return await PostAsync<CaseWritten>($"/api/cases/{caseId}/messages", new { expectedVersion = version, text = ReplyText }, Investigator);
    }

    private async Task<PublicCaseView> FollowAsync(string code) =>
        (await (await PublicAsync($"/api/public/{Org}/report", null, 200, code)).ReadAsJsonAsync<PublicCaseView>())!;

    private async Task<long> NoticesRecordedAsync(Guid caseId) =>
        (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where type = 'reporter_notice_sent' and stream_id = '{caseId}'"))!;

    private async Task<MimeMessage> OneMailToAsync(string address)
    {
        await CasesApp.UntilAsync(() => Task.FromResult(App.Mailbox.To(address).Count >= 1), $"a notice to {address}");
        return App.Mailbox.To(address).ShouldHaveSingleItem();
    }

    /// <summary>All the service stores and answers of the organisation's records, the events included.</summary>
    private async Task<string> EverythingStoredAsync(string code)
    {
        await App.ProjectionsCaughtUpAsync();
        var auditor = App.Token(Org, Roles.Auditor);
        var shown = new List<string>
        {
            JsonSerializer.Serialize(await FollowAsync(code)),
            await (await CallAsync("GET", "/api/audit?pageSize=500", null, auditor, 200)).ReadAsTextAsync(),
            await (await CallAsync("GET", "/api/audit/export?format=ndjson", null, auditor, 200)).ReadAsTextAsync(),
            (string)(await App.ScalarAsync($"select string_agg(data::text || coalesce(headers::text, ''), ' ') from {App.Schema}.mt_events"))!
        };
        foreach (var table in new[] { "mt_doc_casesummary", "mt_doc_auditentry", "mt_doc_publicreport", "mt_doc_case" })
        {
            shown.Add(await App.ScalarAsync($"select coalesce(string_agg(data::text, ' '), '') from {App.Schema}.{table}") as string ?? "");
        }
        return string.Join('\n', shown);
    }

    [Fact]
    public async Task a_reply_mails_one_notice_in_the_reporters_language_that_says_nothing_of_the_case()
    {
        const string address = "watcher.kk@example.kz";
        var (code, reported) = await ReportAsync(new { category = "corruption", text = ReportText, anonymous = true, noticeAddress = $" {address} " }, "kk");
        (await FollowAsync(code)).NoticesByMail.ShouldBeTrue();

        var written = await ReplyAsync(reported.Id);

        var mail = await OneMailToAsync(address);
        var body = mail.TextBody ?? "";
        mail.Subject.ShouldBe("Хабарламаңыз бойынша жаңа хабар");
        body.ShouldContain("Хабарламаңыз бойынша жаңа хабар бар.");
        body.ShouldContain($"{ReminderApiApp.ConsoleUrl}/{Org}/follow-up?lang=kk");
        foreach (var told in new[] { mail.Subject ?? "", body, mail.MessageId ?? "", mail.Headers.ToString() ?? "" })
        {
            foreach (var secret in new[] { reported.Number, reported.Id.ToString(), reported.Id.ToString("N"), ReportText, ReplyText, code, code.Replace("-", "") })
            {
                told.ShouldNotContain(secret, Case.Insensitive);
            }
        }
        (await NoticesRecordedAsync(reported.Id)).ShouldBe(1);
        await App.ProjectionsCaughtUpAsync();
        written.Version.ShouldBe((await GetCaseAsync(reported.Id)).Version);
        (await EverythingStoredAsync(code)).ShouldNotContain("watcher.kk", Case.Insensitive);
        App.Mailbox.Received.Count.ShouldBe(1);
    }

    /// <summary>The key the case's latest notice address is sealed under.</summary>
    private async Task<string> NoticeKeyAsync(Guid caseId) => (string)(await App.ScalarAsync(
        $"select data->'address'->>'personId' from {App.Schema}.mt_events where type = 'reporter_notice_address_given' and stream_id = '{caseId}' order by seq_id desc limit 1"))!;

    private async Task<string> ContactKeyAsync(Guid caseId) => (string)(await App.ScalarAsync(
        $"select data->'sealedComplainant'->>'personId' from {App.Schema}.mt_events where type = 'case_registered' and stream_id = '{caseId}'"))!;

    /// <summary>A key as kept: null once destroyed, so that what it sealed reads no more.</summary>
    private Task<object?> KeyAsync(string personId) =>
        App.ScalarAsync($"select key from {App.Schema}.cases_personal_keys where person_id = '{personId}'");

    [Fact]
    public async Task an_address_replaced_or_removed_is_shredded_and_gets_nothing()
    {
        const string earlier = "earlier.ru@example.kz";
        const string address = "later.ru@example.kz";
        var (code, reported) = await ReportAsync(new { category = "medical-care", text = ReportText, contact = new { name = "Aliya Serikova", phone = "+7 701 555 0101" } }, "en");
        var noticeUrl = $"/api/public/{Org}/report/notice-address";
        var contactKey = await ContactKeyAsync(reported.Id);

        await PublicAsync(noticeUrl, new { address = earlier }, 200, code, "ru");
        var earlierKey = await NoticeKeyAsync(reported.Id);
        (await (await PublicAsync(noticeUrl, new { address }, 200, code, "ru")).ReadAsJsonAsync<NoticeAddressKept>())!.NoticesByMail.ShouldBeTrue();
        var key = await NoticeKeyAsync(reported.Id);

        // Each address under a key of its own, neither the contact's: the one replaced reads no more.
        new[] { earlierKey, key }.ShouldAllBe(k => k != contactKey);
        key.ShouldNotBe(earlierKey);
        (await KeyAsync(earlierKey)).ShouldBe(DBNull.Value);
        (await KeyAsync(key)).ShouldNotBe(DBNull.Value);
        (await (await PublicAsync($"{noticeUrl}/removal", new { }, 200, code)).ReadAsJsonAsync<NoticeAddressKept>())!.NoticesByMail.ShouldBeFalse();
        (await KeyAsync(key)).ShouldBe(DBNull.Value);
        (await KeyAsync(contactKey)).ShouldNotBe(DBNull.Value);
        (await ComplainantNameAsync(reported.Id)).ShouldBe("Aliya Serikova");
        (await FollowAsync(code)).NoticesByMail.ShouldBeFalse();
        var again = await PublicAsync($"{noticeUrl}/removal", new { }, 409, code);
        (await again.ReadAsJsonAsync<Problem>())!.Rule.ShouldBe("no-notice-address");

        await ReplyAsync(reported.Id);

        (await NoticesRecordedAsync(reported.Id)).ShouldBe(0);
        // A reporter who keeps their address is told of the same kind of reply: by then the removed one would have been too.
        var (_, other) = await ReportAsync(new { category = "ethics", text = ReportText, anonymous = true, noticeAddress = "kept@example.kz" }, "ru");
        await ReplyAsync(other.Id);
        (await OneMailToAsync("kept@example.kz")).Subject.ShouldBe("Новое сообщение по вашему обращению");
        App.Mailbox.To(address).ShouldBeEmpty();
        App.Mailbox.To(earlier).ShouldBeEmpty();
        var stored = await EverythingStoredAsync(code);
        stored.ShouldNotContain("later.ru", Case.Insensitive);
        stored.ShouldNotContain("earlier.ru", Case.Insensitive);
    }

    private async Task<string?> ComplainantNameAsync(Guid caseId) =>
        (await GetAsync<ComplainantIdentity>($"/api/cases/{caseId}/complainant", Investigator)).Name;

    [Fact]
    public async Task an_erasure_of_a_named_reporter_shreds_their_address_with_their_contact()
    {
        var (_, reported) = await ReportAsync(new { category = "ethics", text = ReportText, contact = new { name = "Dana Omarova" }, noticeAddress = "named@example.kz" }, "en");
        var (noticeKey, contactKey) = (await NoticeKeyAsync(reported.Id), await ContactKeyAsync(reported.Id));
        noticeKey.ShouldNotBe(contactKey);

        await PostAsync<CaseWritten>($"/api/cases/{reported.Id}/complainant/erasure", new { expectedVersion = reported.Version, reason = "Asked by the reporter" }, Dpo);

        (await KeyAsync(contactKey)).ShouldBe(DBNull.Value);
        (await KeyAsync(noticeKey)).ShouldBe(DBNull.Value);
        (await App.ScalarAsync($"select data->>'noticePersonId' from {App.Schema}.mt_events where type = 'personal_data_erased' and stream_id = '{reported.Id}'"))
            .ShouldBe(noticeKey);
    }

    [Fact]
    public async Task a_refused_address_is_not_tried_again_and_is_neither_logged_nor_dead_lettered()
    {
        const string address = "refused.kk@example.kz";
        App.Mailbox.Refuse(address);
        var (_, reported) = await ReportAsync(new { category = "corruption", text = ReportText, anonymous = true, noticeAddress = address }, "kk");

        await ReplyAsync(reported.Id);

        await CasesApp.UntilAsync(() => Task.FromResult(App.Logs.Lines.Any(l => l.Contains("refused for good", StringComparison.Ordinal))), "the refusal logged");
        await CasesApp.UntilAsync(async () => (long)(await App.ScalarAsync(
                $"select count(*) from {App.Schema}.wolverine_incoming_envelopes where message_type like '%ReporterNotice' and status <> 'Handled'"))! == 0,
            "the notice done with, no retry scheduled");
        App.Mailbox.Refused.Count(r => r == address).ShouldBe(1);
        App.Logs.Lines.Single(l => l.Contains("refused for good", StringComparison.Ordinal)).ShouldContain("550");
        App.Logs.Lines.ShouldAllBe(l => !l.Contains("refused.kk", StringComparison.OrdinalIgnoreCase));
        var deadLetters = (string)(await App.ScalarAsync(
            $"select coalesce(string_agg(coalesce(exception_type, '') || ' ' || coalesce(exception_message, ''), ' '), '') from {App.Schema}.wolverine_dead_letters"))!;
        deadLetters.ShouldNotContain("refused.kk", Case.Insensitive);
    }

    [Fact]
    public void a_failure_to_mail_tells_its_kind_and_status_never_the_address()
    {
        var refused = ReporterNoticeNotSent.From(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            new MailboxAddress("", "reporter@x.kz"), "5.1.1 <reporter@x.kz>: Recipient address rejected"));
        var busy = ReporterNoticeNotSent.From(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy,
            new MailboxAddress("", "reporter@x.kz"), "4.2.1 <reporter@x.kz>: try later"));
        var broken = ReporterNoticeNotSent.From(new SmtpProtocolException("Unexpected reply to RCPT TO:<reporter@x.kz>"));
        var other = ReporterNoticeNotSent.From(new InvalidOperationException("reporter@x.kz"));

        refused.ShouldSatisfyAllConditions(e => e.Permanent.ShouldBeTrue(), e => e.Message.ShouldContain("550"));
        busy.ShouldSatisfyAllConditions(e => e.Permanent.ShouldBeFalse(), e => e.Message.ShouldContain("450"));
        new[] { broken, other }.ShouldAllBe(e => !e.Permanent);
        foreach (var e in new[] { refused, busy, broken, other })
        {
            e.ToString().ShouldNotContain("x.kz", Case.Insensitive);
            e.InnerException.ShouldBeNull();
        }
    }

    [Fact]
    public async Task an_erased_reporters_address_gets_nothing_and_reads_no_more()
    {
        const string address = "shredded@example.kz";
        var (code, reported) = await ReportAsync(new { category = "corruption", text = ReportText, anonymous = true, noticeAddress = address }, "ru");
        var personId = (string)(await App.ScalarAsync(
            $"select data->'address'->>'personId' from {App.Schema}.mt_events where type = 'reporter_notice_address_given' and stream_id = '{reported.Id}'"))!;

        // An anonymous reporter's only personal data is the address: the erasure path shreds its key all the same.
        await PostAsync<CaseWritten>($"/api/cases/{reported.Id}/complainant/erasure", new { expectedVersion = reported.Version, reason = "Asked by the reporter" }, Dpo);
        await ReplyAsync(reported.Id);

        (await NoticesRecordedAsync(reported.Id)).ShouldBe(0);
        (await App.ScalarAsync($"select key from {App.Schema}.cases_personal_keys where person_id = '{personId}'")).ShouldBe(DBNull.Value);
        (await FollowAsync(code)).NoticesByMail.ShouldBeFalse();
        var refused = await PublicAsync($"/api/public/{Org}/report/notice-address", new { address }, 409, code);
        (await refused.ReadAsJsonAsync<Problem>())!.Rule.ShouldBe("personal-data-erased");
        var (_, other) = await ReportAsync(new { category = "ethics", text = ReportText, anonymous = true, noticeAddress = "kept@example.kz" }, "en");
        await ReplyAsync(other.Id);
        (await OneMailToAsync("kept@example.kz")).Subject.ShouldBe("A new message on your report");
        App.Mailbox.To(address).ShouldBeEmpty();
        (await EverythingStoredAsync(code)).ShouldNotContain("shredded", Case.Insensitive);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@b")]
    [InlineData("Aliya <aliya@example.kz>")]
    [InlineData("aliya@example.kz, boss@example.kz")]
    public async Task a_bad_address_is_400_and_nothing_is_written(string bad)
    {
        var report = await PublicAsync($"/api/public/{Org}/reports", new { category = "corruption", text = ReportText, anonymous = true, noticeAddress = bad }, 400);
        (await report.ReadAsJsonAsync<Problem>())!.Errors!.ShouldContainKey("noticeAddress");
        (await App.CountAllEventsAsync()).ShouldBe(0);

        var (code, _) = await ReportAsync(new { category = "corruption", text = ReportText, anonymous = true }, "en");
        var events = await App.CountAllEventsAsync();
        var given = await PublicAsync($"/api/public/{Org}/report/notice-address", new { address = bad }, 400, code);
        (await given.ReadAsJsonAsync<Problem>())!.Errors!.ShouldContainKey("address");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }
}
