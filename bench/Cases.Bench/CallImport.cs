using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Cases.Bench;

/// <summary>One way of importing the ten months: how many requests, how long, and what they answered.</summary>
public sealed record ImportRun(string Way, int Requests, long Calls, TimeSpan Elapsed, IReadOnlyDictionary<HttpStatusCode, int> Statuses)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// Issue 18's call logs: ten months (2025-01-01 to 2025-10-31, 304 days) of a call-centre line with 200-250 calls a
/// day, as a telephony export gives them (CSV), imported through the HTTP API over a real socket, sequentially, as an
/// operator's script would: day by day (304 requests) into one line, month by month (10 requests) into another, and
/// each again to show what an idempotent replay costs (every day logged already: nothing written).
/// </summary>
public static class CallImport
{
    public const string Organisation = "org-0001";

    private static readonly string[] Topics =
        ["Appointment times", "Test results", "Referral to a specialist", "Hospitalisation", "Medicines", "Payment for services, \"paid\" list"];

    /// <summary>Each day's export: the calls of the day in order of time, the same on every run (a fixed seed).</summary>
    public static IReadOnlyList<(DateOnly Date, string[] Rows)> TenMonths()
    {
        var random = new Random(18);
        var days = new List<(DateOnly, string[])>();
        for (var date = new DateOnly(2025, 1, 1); date <= new DateOnly(2025, 10, 31); date = date.AddDays(1))
        {
            var count = random.Next(200, 251);
            var seconds = Enumerable.Range(0, count).Select(_ => random.Next(8 * 3600, 20 * 3600)).Order();
            days.Add((date, seconds.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(s)):HH:mm:ss},{random.Next(15, 900)},\"{Topics[random.Next(Topics.Length)].Replace("\"", "\"\"")}\",false")).ToArray()));
        }
        return days;
    }

    public static async Task<IReadOnlyList<ImportRun>> RunAsync(Service service)
    {
        var days = TenMonths();
        using var client = new HttpClient { BaseAddress = new Uri(service.Url), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Settings.Token(Organisation, "compliance"));
        foreach (var line in new[] { "warm-up", "by-day", "by-month" })
        {
            var configured = await client.PutAsync($"/api/call-lines/{line}",
                new StringContent($$"""{"name":"Call-centre ({{line}})","kind":"call-centre"}""", Encoding.UTF8, "application/json"));
            if (!configured.IsSuccessStatusCode) throw new InvalidOperationException($"Configuring line {line}: {(int)configured.StatusCode} {await configured.Content.ReadAsStringAsync()}");
        }

        var byDay = days.Select(d => ($"/api/call-lines/by-day/days/{d.Date:yyyy-MM-dd}/calls",
            "time,duration,topic,about_corruption\n" + string.Join('\n', d.Rows) + "\n", (long)d.Rows.Length)).ToArray();
        var byMonth = days.GroupBy(d => d.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Select(m => ($"/api/call-lines/by-month/months/{m.Key}/calls",
            "date,time,duration,topic,about_corruption\n" + string.Join('\n', m.SelectMany(d => d.Rows.Select(r => $"{d.Date:yyyy-MM-dd},{r}"))) + "\n",
            m.Sum(d => (long)d.Rows.Length))).ToArray();

        // A day and a month on a line of their own first, untimed: the first requests of a fresh process pay for its warm-up.
        await ImportAsync(client, "warm-up", [(byDay[0].Item1.Replace("by-day", "warm-up"), byDay[0].Item2, 0), (byMonth[1].Item1.Replace("by-month", "warm-up"), byMonth[1].Item2, 0)], HttpStatusCode.Created);
        return
        [
            await ImportAsync(client, "day by day, first import", byDay, HttpStatusCode.Created),
            await ImportAsync(client, "month by month, first import", byMonth, HttpStatusCode.Created),
            await ImportAsync(client, "day by day, replayed (every day logged already)", byDay, HttpStatusCode.OK),
            await ImportAsync(client, "month by month, replayed (every day logged already)", byMonth, HttpStatusCode.OK)
        ];
    }

    /// <summary>The requests one after the other; a request answered otherwise than expected stops the run.</summary>
    private static async Task<ImportRun> ImportAsync(HttpClient client, string way, IReadOnlyList<(string Url, string Csv, long Calls)> requests, HttpStatusCode expected)
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();
        foreach (var (url, csv, _) in requests)
        {
            using var response = await client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{way}: {url} answered {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        clock.Stop();
        return new ImportRun(way, requests.Count, requests.Sum(r => r.Calls), clock.Elapsed, statuses);
    }
}
