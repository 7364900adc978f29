using System.Text.Json;
using Cases.Api.Calls;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Calls;

/// <summary>A logged day's calls are replaced by the calls it should have had, with the day's version and a reason.</summary>
public class when_correcting_a_days_calls(CaseApiApp app) : CallImportTests(app)
{
    private const string Day = "/api/call-lines/call-centre/days/2021-03-01/calls";

    private static string Correction(long version, string reason = "Calls of another line were exported") =>
        $"{Day}?expectedVersion={version}&reason={Uri.EscapeDataString(reason)}";

    private async Task<(int Status, string Body)> CorrectAsync(string url, object body) =>
        await SendAsync(url, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), "application/json", put: true);

    private static T Read<T>(string body) => JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;

    [Fact]
    public async Task the_summary_and_the_narrative_count_the_day_as_corrected()
    {
        await LinesAsync();
        var logged = await PostAsync<CallDayLogged>(Day, Calls(3, corruptFirst: true), Compliance, 201);
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-03-02/calls", Calls(6), Compliance, 201);
        logged.Version.ShouldBe(1);

        var (status, body) = await CorrectAsync(Correction(logged.Version), Calls(4));

        status.ShouldBe(200, body);
        var corrected = Read<CallDayLogged>(body);
        corrected.ShouldBe(logged with { Calls = 4, AboutCorruption = 0, Version = 2 });
        var summary = await GetAsync<CallsSummary>("/api/call-lines/summary?from=2021-03-01&to=2021-03-31", App.Token(Org, Roles.Auditor));
        var centre = summary.Lines.Single(l => l.LineId == "call-centre");
        (centre.Calls, centre.MinPerDay, centre.MaxPerDay, centre.AboutCorruption).ShouldBe((10, 4, 6, 0));
        var narrative = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics/narrative?from=2021-03-01&to=2021-03-31&lang=en");
            s.WithBearerToken(App.Token(Org, Roles.Analyst));
            s.StatusCodeShouldBe(200);
        });
        (await narrative.ReadAsTextAsync()).ShouldContain("The call-centre phones received 4–6 calls a day, 5 on average. None of them concerned corruption.");
    }

    [Fact]
    public async Task an_import_after_a_correction_matches_the_corrected_calls_and_points_other_calls_to_a_correction()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>(Day, Calls(3), Compliance, 201);
        (await CorrectAsync(Correction(1), Calls(2))).Status.ShouldBe(200);

        (await PostAsync<CallDayLogged>(Day, Calls(2), Compliance, 200)).Version.ShouldBe(2);
        var refused = await RefusedAsync(Day, Calls(3), 409, Compliance);
        refused.Rule.ShouldBe("calls-already-logged");
        refused.Detail!.ShouldContain("correct the day's calls");

        var month = await PostAsync<CallMonthLogged>("/api/call-lines/call-centre/months/2021-03/calls",
            new { days = new[] { new { date = "2021-03-01", calls = CallList(2) }, new { date = "2021-03-02", calls = CallList(1) } } }, Compliance, 201);
        month.DaysAlreadyLogged.Single().Version.ShouldBe(2);
        month.DaysLogged.Single().Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_telephony_export_corrects_the_day_as_the_import_reads_it()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>(Day, Calls(1), Compliance, 201);

        var (status, body) = await CsvAsync(Correction(1), "time,duration,topic,about_corruption\n09:00,60,Results,no\n09:05,30,A bribe demanded,yes\n", put: true);

        status.ShouldBe(200, body);
        (Read<CallDayLogged>(body).Calls, Read<CallDayLogged>(body).AboutCorruption).ShouldBe((2, 1));
        (await CsvAsync(Correction(2), "time,duration,topic\n25:00,60,Results\n", put: true)).Body.ShouldContain("line 2");
    }

    [Fact]
    public async Task the_same_calls_a_stale_version_a_day_never_logged_or_no_reason_change_nothing()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>(Day, Calls(3), Compliance, 201);
        await CorrectAsync(Correction(1), Calls(2));
        var events = await App.CountAllEventsAsync();

        Read<Problem>((await CorrectAsync(Correction(2), Calls(2))).Body).Rule.ShouldBe("nothing-to-correct");
        var stale = await CorrectAsync(Correction(1), Calls(4));
        (stale.Status, Read<Problem>(stale.Body).Rule).ShouldBe((409, "stale-version"));
        (await CorrectAsync(Correction(1).Replace("2021-03-01", "2021-03-05"), Calls(4))).Status.ShouldBe(404);
        (await CorrectAsync(Correction(1).Replace("call-centre", "switchboard"), Calls(4))).Status.ShouldBe(404);
        var invalid = await CorrectAsync($"{Day}?expectedVersion=0", Calls(4));
        invalid.Status.ShouldBe(400);
        Read<Problem>(invalid.Body).Errors!.Keys.Order().ShouldBe(["expectedVersion", "reason"]);
        (await SendAsync(Correction(2), "<calls/>", "text/xml", put: true)).Status.ShouldBe(415);
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task another_organisation_cannot_correct_the_day()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>(Day, Calls(3), Compliance, 201);
        await LinesAsync(OtherOrg);

        var (status, _) = await SendAsync(Correction(1), JsonSerializer.Serialize(Calls(2), JsonSerializerOptions.Web), "application/json",
            App.Token(OtherOrg, Roles.Compliance), put: true);

        status.ShouldBe(404);
    }
}
