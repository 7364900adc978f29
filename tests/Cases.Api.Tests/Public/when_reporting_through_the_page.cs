using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Cases.Api.Public.Pages;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;

namespace Cases.Api.Tests.Public;

/// <summary>The public reporting pages as the server renders them (the browser tests drive them in Chromium).</summary>
public partial class when_reporting_through_the_page(PublicApiApp app) : PublicApiTests(app)
{
    private const string Origin = "http://localhost";

    private Task<IScenarioResult> PageAsync(string url, int status, string? language = null) =>
        App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (language is not null) s.WithRequestHeader("Accept-Language", language);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = Address);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>A form post as a browser sends it; the query is set apart, as Alba's form posts take a path only.</summary>
    private Task<IScenarioResult> SubmitAsync(string url, Dictionary<string, string> form, int status, string? origin = Origin) =>
        App.Host.Scenario(s =>
        {
            var query = url.IndexOf('?');
            s.Post.FormData(form).ToUrl(query < 0 ? url : url[..query]);
            if (origin is not null) s.WithRequestHeader("Origin", origin);
            s.ConfigureHttpContext(c =>
            {
                c.Connection.RemoteIpAddress = Address;
                if (query >= 0) c.Request.QueryString = new QueryString(url[query..]);
            });
            s.StatusCodeShouldBe(status);
        });

    /// <summary>The form token of a page, as a browser would post it back.</summary>
    private static string TokenOf(string html) => FormToken().Match(html).Groups[1].Value;

    private async Task<Dictionary<string, string>> FormAsync(string page, params (string Name, string Value)[] fields)
    {
        var html = await (await PageAsync($"/{Org}/{page}?lang=en", 200)).ReadAsTextAsync();
        var form = new Dictionary<string, string> { [PublicForms.TokenField] = WebUtility.HtmlDecode(TokenOf(html)) };
        foreach (var (name, value) in fields) form[name] = value;
        return form;
    }

    private static string CodeOf(string html) =>
        Regex.Replace(ReceiptCode().Match(html).Groups[1].Value, "<[^>]+>", "");

    [Theory]
    [InlineData("en", "Report to the National Research Oncology Center (NROC)", "What happened", "Email for notices of new messages (optional)")]
    [InlineData("ru", "Национальный научный онкологический центр (ННОЦ)", "Что произошло", "Электронная почта для уведомлений о новых сообщениях (необязательно)")]
    [InlineData("kk", "Ұлттық ғылыми онкологиялық орталық (ҰҒОО)", "Қашан болды", "Жаңа хабарлар туралы хабарландыруға арналған электрондық пошта (міндетті емес)")]
    public async Task the_report_page_speaks_the_readers_language(string language, string heading, string label, string noticeLabel)
    {
        var byQuery = await PageAsync($"/{Org}/report?lang={language}", 200);
        var byHeader = await PageAsync($"/{Org}/report", 200, $"{language}-KZ, en;q=0.5");

        foreach (var result in new[] { byQuery, byHeader })
        {
            var html = await result.ReadAsTextAsync();
            html.ShouldContain($"<html lang=\"{language}\">");
            Regex.Match(html, "<h1>(.*?)</h1>").Groups[1].Value.ShouldContain(WebUtility.HtmlEncode(heading));
            html.ShouldContain(label);
            html.ShouldContain($"<label for=\"notice-address\">{noticeLabel}</label>");
            html.ShouldContain("<a href=\"?lang=kk\" lang=\"kk\" hreflang=\"kk\"");
            html.ShouldContain("Қазақша");
            html.ShouldNotContain("<script");
            result.Context.Response.Headers.ContainsKey("Set-Cookie").ShouldBeFalse();
            result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            result.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        }
        if (language == "kk") (await byQuery.ReadAsTextAsync()).ShouldContain("Жасырын хабарлау");
    }

    [Theory]
    [InlineData("en-GB", "kk")]
    [InlineData("en-GB, ru;q=0.8", "ru")]
    public async Task an_organisation_offers_its_own_languages_and_categories(string asked, string answered)
    {
        var html = await (await PageAsync($"/{PublicApiApp.OwnPage}/report", 200, asked)).ReadAsTextAsync();

        html.ShouldContain($"<html lang=\"{answered}\">");
        html.ShouldContain("Қазақша");
        html.ShouldContain("Русский");
        html.ShouldNotContain("English");
        Regex.Matches(html, "<option value=\"([a-z-]+)\"").Select(m => m.Groups[1].Value).ShouldBe(["corruption", "ethics"]);
    }

    [Fact]
    public async Task a_category_the_organisation_does_not_take_is_refused_by_the_api_and_the_page_alike()
    {
        var api = await ProblemOf(await PublicAsync("POST", $"/api/public/{PublicApiApp.OwnPage}/reports",
            new { category = "medical-care", text = "The ward nurse asked for money", anonymous = true }, 400));
        api.Errors.ShouldNotBeNull().ShouldContainKey("category");

        var html = await (await PageAsync($"/{PublicApiApp.OwnPage}/report?lang=ru", 200)).ReadAsTextAsync();
        var form = new Dictionary<string, string>
        {
            [PublicForms.TokenField] = WebUtility.HtmlDecode(TokenOf(html)), ["category"] = "medical-care", ["text"] = "Медсестра просила деньги",
            ["identity"] = "anonymous"
        };
        var refused = await (await SubmitAsync($"/{PublicApiApp.OwnPage}/report?lang=ru", form, 400)).ReadAsTextAsync();

        refused.ShouldContain("<li><a href=\"#category\">");
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task no_page_sets_a_cookie_before_the_reporter_acts()
    {
        foreach (var page in new[] { "report", "follow-up" })
        {
            var result = await PageAsync($"/{Org}/{page}", 200);
            result.Context.Response.Headers.ContainsKey("Set-Cookie").ShouldBeFalse(page);
        }
        (await PageAsync("/public-pages.css", 200)).Context.Response.Headers.ContainsKey("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task invalid_input_gives_the_form_again_with_its_errors_linked_to_the_fields()
    {
        var form = await FormAsync("report", ("category", ""), ("text", " "), ("occurred-on", "2999-01-01"), ("identity", "contact"), ("name", ""),
            ("notice-address", "not-an-address"));

        var html = await (await SubmitAsync($"/{Org}/report?lang=en", form, 400)).ReadAsTextAsync();

        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("There is a problem");
        html.ShouldContain("<li><a href=\"#category\">Choose a category.</a></li>");
        html.ShouldContain("<li><a href=\"#text\">Describe what happened.</a></li>");
        html.ShouldContain("<li><a href=\"#occurred-on\">The date must not be after today.</a></li>");
        html.ShouldContain("<li><a href=\"#name\">Enter your name.</a></li>");
        html.ShouldContain("<li><a href=\"#notice-address\">Enter an email address, such as name@example.kz.</a></li>");
        html.ShouldContain("aria-describedby=\"text-hint text-error\"");
        html.IndexOf("#category", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("#text", StringComparison.Ordinal));
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_errors_are_in_the_readers_language()
    {
        var form = await FormAsync("report", ("category", "corruption"), ("text", ""), ("identity", "anonymous"));

        var html = await (await SubmitAsync($"/{Org}/report?lang=kk", form, 400)).ReadAsTextAsync();

        html.ShouldContain("Қате бар");
        html.ShouldContain("Не болғанын сипаттаңыз.");
    }

    [Fact]
    public async Task an_anonymous_report_shows_its_code_once_and_the_code_opens_it_through_the_api()
    {
        var form = await FormAsync("report", ("category", "corruption"), ("text", "The ward nurse asked for money"),
            ("occurred-on", App.Clock.Today.AddDays(-1).ToString("yyyy-MM-dd")), ("place", "Ward 4"), ("identity", "anonymous"), ("name", "Ignored"));

        var result = await SubmitAsync($"/{Org}/report?lang=en", form, 200);
        var html = await result.ReadAsTextAsync();

        html.ShouldContain("Your report was received");
        html.ShouldContain($"href=\"/{Org}/follow-up?lang=en\">Follow up on a report</a>");
        var code = CodeOf(html);
        code.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){9}$");
        result.Context.Response.Headers.Location.ToString().ShouldBeEmpty();
        await PublicAsync("GET", $"/api/public/{Org}/report", null, 200, code);
        var summary = await PublicCaseAsync();
        summary.Category.ShouldBe(Category.Corruption);
        summary.ComplainantAnonymous.ShouldBeTrue();
        var text = (string)(await App.ScalarAsync($"select data->>'summary' from {App.Schema}.mt_events where type = 'case_registered'"))!;
        text.ShouldBe($"The ward nurse asked for money\n\nWhen it happened: {App.Clock.Today.AddDays(-1):yyyy-MM-dd}\n\nWhere it happened: Ward 4");
    }

    [Fact]
    public async Task a_wrong_code_and_an_unknown_one_give_the_same_page()
    {
        var report = await FormAsync("report", ("category", "ethics"), ("text", "A gift from a supplier"), ("identity", "anonymous"));
        var code = CodeOf(await (await SubmitAsync($"/{Org}/report", report, 200)).ReadAsTextAsync());
        var wrong = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var unknown = "ZZZZ-ZZZZ" + code[9..];

        var pages = new List<string>();
        foreach (var tried in new[] { wrong, unknown })
        {
            var form = await FormAsync("follow-up", ("code", tried));
            var html = await (await SubmitAsync($"/{Org}/follow-up?lang=en", form, 404)).ReadAsTextAsync();
            html.ShouldContain("We could not find a report with this code.");
            pages.Add(TokenOf(html).Length > 0 ? html.Replace(TokenOf(html), "").Replace(tried, "") : html);
        }
        pages[0].ShouldBe(pages[1]);
    }

    [Fact]
    public async Task the_reporter_follows_up_and_writes_to_the_investigator()
    {
        var report = await FormAsync("report", ("category", "medical-care"), ("text", "I waited five hours"), ("identity", "contact"),
            ("name", "Aliya Serikova"), ("contact", "aliya@example.kz"));
        var code = CodeOf(await (await SubmitAsync($"/{Org}/report", report, 200)).ReadAsTextAsync());

        var follow = await FormAsync("follow-up", ("code", code.Replace("-", " ").ToLowerInvariant()));
        var html = await (await SubmitAsync($"/{Org}/follow-up?lang=en", follow, 200)).ReadAsTextAsync();
        html.ShouldContain("<h1>Your report</h1>");
        html.ShouldContain("Received");
        html.ShouldContain($"due by {App.Clock.Today.AddDays(7):yyyy-MM-dd}");
        html.ShouldContain("No messages yet.");
        html.ShouldContain($"action=\"/{Org}/follow-up/message?lang=en\"");

        var message = new Dictionary<string, string>
        {
            [PublicForms.TokenField] = WebUtility.HtmlDecode(TokenOf(html)),
            ["code"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"code\" value=\"([^\"]*)\"").Groups[1].Value),
            ["message"] = "I can bring the discharge papers."
        };
        var thread = await (await SubmitAsync($"/{Org}/follow-up/message?lang=en", message, 200)).ReadAsTextAsync();

        thread.ShouldContain("Your message was sent.");
        thread.ShouldContain("<h3");
        Regex.IsMatch(thread, "<article class=\"message from-reporter\"[^>]*>\\s*<h3[^>]*>You</h3>").ShouldBeTrue();
        thread.ShouldContain("I can bring the discharge papers.");
        var messages = await GetAsync<global::Cases.Projections.Public.ThreadMessage[]>($"/api/cases/{(await PublicCaseAsync()).Id}/messages", Investigator);
        messages.ShouldHaveSingleItem().Text.ShouldBe("I can bring the discharge papers.");

        thread.ShouldContain("No notices are sent: you gave no email address.");
        var notice = new Dictionary<string, string>(message) { [PublicForms.TokenField] = WebUtility.HtmlDecode(TokenOf(thread)), ["notice-address"] = "aliya.notices@example.kz" };
        notice.Remove("message");
        var noticed = await (await SubmitAsync($"/{Org}/follow-up/notice?lang=en", notice, 200)).ReadAsTextAsync();
        noticed.ShouldContain("The address was saved.");
        noticed.ShouldContain("A notice goes to the email address you gave when there is a new message.");
        noticed.ShouldNotContain("aliya.notices");
        (await FollowAsync(code)).NoticesByMail.ShouldBeTrue();
        var removal = new Dictionary<string, string> { [PublicForms.TokenField] = WebUtility.HtmlDecode(TokenOf(noticed)), ["code"] = message["code"] };
        (await (await SubmitAsync($"/{Org}/follow-up/removal?lang=en", removal, 200)).ReadAsTextAsync()).ShouldContain("The address was removed: no notices are sent.");
        (await FollowAsync(code)).NoticesByMail.ShouldBeFalse();
    }

    [Fact]
    public async Task an_unknown_organisation_has_no_page()
    {
        var html = await (await PageAsync("/nowhere/report?lang=ru", 404)).ReadAsTextAsync();

        html.ShouldContain("<html lang=\"ru\">");
        html.ShouldContain("Страница не найдена");
    }

    [Fact]
    public async Task a_form_without_proof_that_it_came_from_the_page_is_refused()
    {
        var form = await FormAsync("report", ("category", "corruption"), ("text", "Forged"), ("identity", "anonymous"));

        (await (await SubmitAsync($"/{Org}/report?lang=en", form, 403, origin: null)).ReadAsTextAsync()).ShouldContain("The form was not accepted");
        await SubmitAsync($"/{Org}/report", form, 403, origin: "https://elsewhere.example");
        form[PublicForms.TokenField] = "forged";
        await SubmitAsync($"/{Org}/report", form, 403);

        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_rate_limit_answers_with_a_readable_page()
    {
        for (var i = 0; i < PublicApiApp.RequestsPerWindow; i++) await PageAsync($"/{Org}/follow-up", 200);

        var refused = await PageAsync($"/{Org}/report?lang=kk", 429);

        (await refused.ReadAsTextAsync()).ShouldContain("Сұраулар тым көп");
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        refused.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldStartWith("default-src 'none'");
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]*)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("id=\"receipt-code\"[^>]*>(.*?)</p>")]
    private static partial Regex ReceiptCode();
}
