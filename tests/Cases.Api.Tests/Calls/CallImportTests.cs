using Cases.Api.Calls;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Calls;

namespace Cases.Api.Tests.Calls;

/// <summary>The lines and requests the day and month imports' tests share.</summary>
public abstract class CallImportTests(CaseApiApp app) : CaseApiTests(app)
{
    protected string Compliance => App.Token(Org, Roles.Compliance);

    protected async Task LinesAsync(string? org = null)
    {
        var token = App.Token(org ?? Org, Roles.Compliance);
        await PutAsync("/api/call-lines/call-centre", new { name = "Call-centre", kind = "call-centre" }, token);
        await PutAsync("/api/call-lines/compliance", new { name = "Compliance service phone", kind = "compliance-phone" }, token);
    }

    private async Task<CallLine> PutAsync(string url, object body, string token)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Put.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<CallLine>())!;
    }

    /// <summary>A day's calls as JSON: ten seconds apart from eight o'clock, the first about corruption if asked.</summary>
    protected static object[] CallList(int count, bool corruptFirst = false) =>
        Enumerable.Range(0, count).Select(i => (object)new
        {
            at = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(8 * 3600 + 10 * i)).ToString("HH:mm:ss"),
            durationSeconds = 60 + i,
            topic = "Appointment times",
            aboutCorruption = corruptFirst && i == 0
        }).ToArray();

    protected static object Calls(int count, bool corruptFirst = false) => new { calls = CallList(count, corruptFirst) };

    /// <summary>A body of any content type, posted (or put), answered with any status.</summary>
    protected async Task<(int Status, string Body)> SendAsync(string url, string body, string contentType, string? token = null, bool put = false)
    {
        var result = await App.Host.Scenario(s =>
        {
            if (put) s.Put.Url(url);
            else s.Post.Url(url);
            s.Body.TextIs(body);
            s.WithRequestHeader("Content-Type", contentType);
            s.WithBearerToken(token ?? Compliance);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    protected Task<(int Status, string Body)> CsvAsync(string url, string csv, bool put = false) => SendAsync(url, csv, CallsBody.CsvContentType, put: put);

    /// <summary>An XML body is 415 and a CSV one a byte over <paramref name="maxBytes"/> is 413, and neither writes anything.</summary>
    protected async Task OtherBodiesAndLargerOnesAreRefusedAsync(string url, long maxBytes)
    {
        await LinesAsync();
        var events = await App.CountAllEventsAsync();

        (await SendAsync(url, "<calls/>", "text/xml")).Status.ShouldBe(415);
        var header = "date,time,duration,topic\n";
        var (status, body) = await CsvAsync(url, header + new string('x', (int)maxBytes - header.Length + 1));
        status.ShouldBe(413, body);
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }
}
