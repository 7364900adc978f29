using Cases.Api.Calls;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Calls;

namespace Cases.Api.Tests.Calls;

/// <summary>A line's calls of a month, imported at once and logged day by day: whole, once, or not at all.</summary>
public class when_importing_a_months_calls(CaseApiApp app) : CallImportTests(app)
{
    private const string March = "/api/call-lines/call-centre/months/2021-03/calls";

    /// <summary>Three days of March, the rows out of order as an export may give them, one call about corruption.</summary>
    private const string Csv = "Date,Time,Duration,Topic,About_Corruption\r\n"
        + "2021-03-02,09:00:05,120,\"Appointment, oncology\",false\r\n"
        + "2021-03-01,09:07,45,Results,no\r\n"
        + "2021-03-03,10:00,30,Bribe offered,yes\r\n"
        + "2021-03-01,11:30,60,Appointment times,false\r\n";

    private static object Days(params (string Date, int Calls)[] days) =>
        new { days = days.Select(d => new { date = d.Date, calls = CallList(d.Calls) }) };

    [Fact]
    public async Task a_months_export_logs_each_day_once_and_the_same_export_again_logs_nothing()
    {
        await LinesAsync();
        var events = await App.CountAllEventsAsync();

        var (status, body) = await CsvAsync(March, Csv);

        status.ShouldBe(201, body);
        var logged = System.Text.Json.JsonSerializer.Deserialize<CallMonthLogged>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        (logged.Calls, logged.AboutCorruption, logged.DaysAlreadyLogged.Count).ShouldBe((4, 1, 0));
        logged.DaysLogged.Select(d => (d.Date.Day, d.Calls)).ShouldBe([(1, 2), (2, 1), (3, 1)]);
        (await App.CountAllEventsAsync()).ShouldBe(events + 3);
        var summary = await GetAsync<CallsSummary>("/api/call-lines/summary?from=2021-03-01&to=2021-03-31", App.Token(Org, Roles.Analyst));
        summary.Lines.Single(l => l.LineId == "call-centre").ShouldBe(new CallLineFigures("call-centre", "Call-centre", LineKind.CallCentre, 3, 4, 1.3m, 1, 2, 1));

        (status, body) = await CsvAsync(March, Csv);
        status.ShouldBe(200, body);
        body.ShouldContain("\"daysLogged\":[]");
        (await App.CountAllEventsAsync()).ShouldBe(events + 3);
    }

    [Fact]
    public async Task days_logged_already_with_the_same_calls_are_left_and_the_others_logged()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-04-02/calls", Calls(3), Compliance, 201);

        var logged = await PostAsync<CallMonthLogged>("/api/call-lines/call-centre/months/2021-04/calls",
            Days(("2021-04-02", 3), ("2021-04-01", 200), ("2021-04-30", 0)), Compliance, 201);

        logged.DaysLogged.Select(d => (d.Date.Day, d.Calls)).ShouldBe([(1, 200), (30, 0)]);
        logged.DaysAlreadyLogged.Select(d => (d.Date.Day, d.Calls)).ShouldBe([(2, 3)]);
        logged.Calls.ShouldBe(203);
    }

    [Fact]
    public async Task a_day_logged_with_other_calls_refuses_the_whole_month()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-03-02/calls", Calls(3), Compliance, 201);
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-03-03/calls", Calls(1), Compliance, 201);
        var events = await App.CountAllEventsAsync();

        var refused = await RefusedAsync(March, Days(("2021-03-01", 5), ("2021-03-02", 4), ("2021-03-03", 1)), 409, Compliance);

        refused.Rule.ShouldBe("calls-already-logged");
        refused.Detail!.ShouldContain("2021-03-02");
        refused.Detail!.ShouldNotContain("2021-03-03");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task a_day_outside_the_month_or_after_today_is_named_by_its_line()
    {
        await LinesAsync();
        var events = await App.CountAllEventsAsync();

        var (status, body) = await CsvAsync(March, "date,time,duration,topic\n2021-03-31,09:00,60,Results\n2021-04-01,09:00,60,Results\n2021-3-5,09:00,60,Results\n");
        status.ShouldBe(400);
        body.ShouldContain("\"line 3\":[\"date: 2021-04-01 is not in 2021-03.\"]");
        body.ShouldContain("line 4");
        body.ShouldNotContain("line 2");

        (await CsvAsync("/api/call-lines/call-centre/months/2021-11/calls", "date,time,duration,topic\n2021-11-16,09:00,60,Results\n")).Body
            .ShouldContain("2021-11-16 is after today");
        (await CsvAsync(March, "time,duration,topic\n09:00,60,Results\n")).Body.ShouldContain("Column date is missing.");
        (await RefusedAsync(March, Days(("2021-03-01", 1), ("2021-02-28", 1), ("2021-03-01", 1)), 400, Compliance))
            .Errors!.Keys.Order().ShouldBe(["days[1].date", "days[2].date"]);
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task an_unknown_line_or_a_malformed_month_is_not_found_and_a_future_month_is_refused()
    {
        await LinesAsync();

        await RefusedAsync("/api/call-lines/switchboard/months/2021-03/calls", Days(("2021-03-01", 1)), 404, Compliance);
        await RefusedAsync("/api/call-lines/call-centre/months/2021-3/calls", Days(("2021-03-01", 1)), 404, Compliance);
        await RefusedAsync("/api/call-lines/call-centre/months/2021-13/calls", Days(("2021-03-01", 1)), 404, Compliance);
        (await RefusedAsync("/api/call-lines/call-centre/months/2021-12/calls", Days(("2021-12-01", 1)), 400, Compliance)).Errors!.Keys.ShouldBe(["month"]);
        (await RefusedAsync(March, new { days = Array.Empty<object>() }, 400, Compliance)).Errors!.Keys.ShouldBe(["days"]);
        (await RefusedAsync(March, new { days = new object?[] { null } }, 400, Compliance)).Errors!.Keys.ShouldBe(["days[0]"]);
        (await RefusedAsync(March, new { days = new[] { new { date = "2021-03-01", calls = new object?[] { null } } } }, 400, Compliance))
            .Errors!.Keys.ShouldBe(["days[0].calls[0]"]);
    }

    [Fact]
    public Task a_body_neither_json_nor_csv_or_over_the_month_limit_is_refused() => OtherBodiesAndLargerOnesAreRefusedAsync(March, CallsBody.MaxMonthBytes);
}
