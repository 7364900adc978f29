using Cases.Api.Calls;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Calls;

namespace Cases.Api.Tests.Calls;

/// <summary>A line's calls of a day, imported at once from JSON or a telephony export, logged once, and summed per line.</summary>
public class when_importing_a_days_calls(CaseApiApp app) : CallImportTests(app)
{
    private const string Csv = "Time,Duration,Topic,About_Corruption\r\n09:00:05,120,\"Appointment, oncology\",false\r\n09:07,45,Results,no\r\n";

    [Fact]
    public async Task a_json_day_is_logged_once_and_the_same_calls_again_answer_the_day_as_logged()
    {
        await LinesAsync();
        var url = "/api/call-lines/call-centre/days/2021-03-01/calls";

        var logged = await PostAsync<CallDayLogged>(url, Calls(3, corruptFirst: true), Compliance, 201);
        (logged.Calls, logged.AboutCorruption, logged.Date).ShouldBe((3, 1, new DateOnly(2021, 3, 1)));
        var events = await App.CountAllEventsAsync();

        (await PostAsync<CallDayLogged>(url, Calls(3, corruptFirst: true), Compliance, 200)).ShouldBe(logged);
        (await App.CountAllEventsAsync()).ShouldBe(events);

        var refused = await RefusedAsync(url, Calls(4), 409, Compliance);
        refused.Rule.ShouldBe("calls-already-logged");
    }

    [Fact]
    public async Task a_telephony_export_is_read_by_its_header()
    {
        await LinesAsync();

        var (status, body) = await CsvAsync("/api/call-lines/call-centre/days/2021-03-02/calls", Csv);

        status.ShouldBe(201, body);
        body.ShouldContain("\"calls\":2");
        (await CsvAsync("/api/call-lines/call-centre/days/2021-03-02/calls", Csv)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task a_malformed_export_names_its_line()
    {
        await LinesAsync();
        var url = "/api/call-lines/call-centre/days/2021-03-02/calls";
        var events = await App.CountAllEventsAsync();

        var (status, body) = await CsvAsync(url, "time,duration,topic\n09:00,60,Results\n25:00,60,Results\n09:10,x,\n");
        status.ShouldBe(400);
        body.ShouldContain("line 3");
        body.ShouldContain("line 4");
        body.ShouldNotContain("line 2");

        (await CsvAsync(url, "when,duration\n09:00,60\n")).Body.ShouldContain("line 1");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task an_unknown_line_a_future_day_or_too_many_calls_are_refused()
    {
        await LinesAsync();

        await RefusedAsync("/api/call-lines/switchboard/days/2021-03-01/calls", Calls(1), 404, Compliance);
        (await RefusedAsync("/api/call-lines/call-centre/days/2021-11-16/calls", Calls(1), 400, Compliance)).Errors!.Keys.ShouldBe(["date"]);
        (await RefusedAsync("/api/call-lines/call-centre/days/2021-03-01/calls", Calls(LogCallsDecision.MaxCallsPerDay + 1), 400, Compliance))
            .Errors!.Keys.ShouldBe(["calls"]);
        (await RefusedAsync("/api/call-lines/call-centre/days/2021-03-01/calls", new { calls = new[] { new { at = "9h", durationSeconds = -1, topic = "" } } }, 400, Compliance))
            .Errors!.Keys.Order().ShouldBe(["calls[0].at", "calls[0].durationSeconds", "calls[0].topic"]);
    }

    [Fact]
    public async Task another_organisations_lines_and_days_are_its_own()
    {
        await LinesAsync();
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-03-01/calls", Calls(2), Compliance, 201);

        await RefusedAsync("/api/call-lines/compliance/days/2021-03-01/calls", Calls(1), 404, App.Token(OtherOrg, Roles.Compliance));
        await LinesAsync(OtherOrg);
        // The same line and day in another organisation is another stream.
        await PostAsync<CallDayLogged>("/api/call-lines/call-centre/days/2021-03-01/calls", Calls(5), App.Token(OtherOrg, Roles.Compliance), 201);

        var summary = await GetAsync<CallsSummary>("/api/call-lines/summary?from=2021-01-01&to=2021-10-31", App.Token(Org, Roles.Auditor));
        summary.Lines.Single(l => l.LineId == "call-centre").Calls.ShouldBe(2);
        (await GetAsync<List<CallLine>>("/api/call-lines", App.Token(OtherOrg, Roles.Analyst))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_summary_gives_each_line_its_days_and_the_lines_that_received_none()
    {
        await LinesAsync();
        var centre = "/api/call-lines/call-centre/days";
        await PostAsync<CallDayLogged>($"{centre}/2021-03-01/calls", Calls(200), Compliance, 201);
        await PostAsync<CallDayLogged>($"{centre}/2021-03-02/calls", Calls(250), Compliance, 201);
        await PostAsync<CallDayLogged>($"{centre}/2021-03-03/calls", Calls(215), Compliance, 201);
        await PostAsync<CallDayLogged>($"{centre}/2021-04-01/calls", Calls(7), Compliance, 201);
        await PostAsync<CallDayLogged>("/api/call-lines/compliance/days/2021-03-01/calls", new { calls = Array.Empty<object>() }, Compliance, 201);

        var summary = await GetAsync<CallsSummary>("/api/call-lines/summary?from=2021-03-01&to=2021-03-31", App.Token(Org, Roles.Analyst));

        summary.Lines.Select(l => l.LineId).ShouldBe(["call-centre", "compliance"]);
        summary.Lines[0].ShouldBe(new CallLineFigures("call-centre", "Call-centre", LineKind.CallCentre, 3, 665, 221.7m, 200, 250, 0));
        summary.Lines[1].ShouldBe(new CallLineFigures("compliance", "Compliance service phone", LineKind.CompliancePhone, 1, 0, 0m, 0, 0, 0));
        summary.LinesWithoutCalls.ShouldBe(["compliance"]);
    }

    [Fact]
    public Task a_body_neither_json_nor_csv_or_over_the_day_limit_is_refused() => OtherBodiesAndLargerOnesAreRefusedAsync("/api/call-lines/call-centre/days/2021-03-01/calls", CallsBody.MaxDayBytes);
}
