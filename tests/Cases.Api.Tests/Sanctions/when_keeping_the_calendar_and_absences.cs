using Cases.Api.Deadlines;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Calendars;
using Cases.Projections.Deadlines;

namespace Cases.Api.Tests.Sanctions;

public class when_keeping_the_calendar_and_absences(SanctionApiApp app) : SanctionApiTests(app)
{
    [Fact]
    public async Task a_published_year_replaces_the_earlier_one_and_needs_the_version()
    {
        var first = await PublishCalendarAsync(2021, ["2021-12-16", "2021-12-17"], ["2021-12-18"]);
        await PublishCalendarAsync(2021, ["2021-12-16", "2021-12-17", "2021-12-20"], expectedVersion: first.Version);

        var calendar = await GetAsync<OrganisationCalendar>("/api/calendar", HrToken);
        calendar.Years[2021].Holidays.Count.ShouldBe(3);
        calendar.Years[2021].WorkingWeekendDays.ShouldBeEmpty();
        (await RefusedAsync("/api/calendar/2021", new { expectedVersion = 0, holidays = Array.Empty<string>(), workingWeekendDays = Array.Empty<string>() }, 409, HrToken))
            .Rule.ShouldBe("stale-version");
    }

    [Fact]
    public async Task a_calendar_names_days_of_its_own_year_and_only_weekend_days_as_worked()
    {
        (await RefusedAsync("/api/calendar/2021", new { expectedVersion = 0, holidays = new[] { "2022-01-01" }, workingWeekendDays = Array.Empty<string>() }, 409, HrToken))
            .Rule.ShouldBe("date-outside-year");
        (await RefusedAsync("/api/calendar/2021", new { expectedVersion = 0, holidays = Array.Empty<string>(), workingWeekendDays = new[] { "2021-12-15" } }, 409, HrToken))
            .Rule.ShouldBe("not-a-weekend-day");
        (await RefusedAsync("/api/calendar/2021", new { expectedVersion = 0, holidays = new[] { "2021-12-18" }, workingWeekendDays = new[] { "2021-12-18" } }, 409, HrToken))
            .Rule.ShouldBe("holiday-and-working-day");
        (await RefusedAsync("/api/calendar/2021", new { expectedVersion = 0, holidays = new[] { "0001-01-01" }, workingWeekendDays = Array.Empty<string>() }, 409, HrToken))
            .Rule.ShouldBe("date-outside-year");
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_act_of_refusal_waits_two_working_days_of_the_organisations_calendar()
    {
        await PublishCalendarAsync(2021, ["2021-03-22", "2021-03-23"]);
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);
        version = (await CommandAsync(caseId, "explanation-requests", new { expectedVersion = version, personnelNumber = Employee, requestedOn = "2021-03-19" })).Version;

        var early = await RefusedAsync($"/api/cases/{caseId}/explanations",
            new { expectedVersion = version, personnelNumber = Employee, refusalWitnesses = new[] { "A", "B" }, recordedOn = "2021-03-25" }, 409, Investigator);

        early.Rule.ShouldBe("refusal-too-early");
        await CommandAsync(caseId, "explanations",
            new { expectedVersion = version, personnelNumber = Employee, refusalWitnesses = new[] { "A", "B" }, recordedOn = "2021-03-26" });
    }

    [Fact]
    public async Task an_organisation_that_gives_more_working_days_to_explain_waits_for_them()
    {
        var investigator = App.Token(OtherOrg, Roles.Investigator);
        var created = await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        var version = (await CommandAsync(created.Id, "acknowledgement", new { expectedVersion = created.Version }, investigator)).Version;
        version = (await CommandAsync(created.Id, "assignment", new { expectedVersion = version, investigator = "d.sultanova" }, investigator)).Version;
        // Requested on Wednesday 10 March 2021: three working days are Thursday, Friday and Monday.
        version = (await CommandAsync(created.Id, "explanation-requests",
            new { expectedVersion = version, personnelNumber = Employee, requestedOn = "2021-03-10" }, investigator)).Version;

        (await GetAsync<DueItem[]>("/api/deadlines?kind=explanation", investigator)).Single().DueOn.ShouldBe(new DateOnly(2021, 3, 15));
        var early = await RefusedAsync($"/api/cases/{created.Id}/explanations",
            new { expectedVersion = version, personnelNumber = Employee, refusalWitnesses = new[] { "A", "B" }, recordedOn = "2021-03-15" }, 409, investigator);
        early.Rule.ShouldBe("refusal-too-early");
        early.Detail.ShouldNotBeNull().ShouldContain($"after {SanctionApiApp.OtherOrgExplanationWorkingDays} working days");
        early.Detail.ShouldContain("from 2021-03-16");
        await CommandAsync(created.Id, "explanations",
            new { expectedVersion = version, personnelNumber = Employee, refusalWitnesses = new[] { "A", "B" }, recordedOn = "2021-03-16" }, investigator);
    }

    [Fact]
    public async Task absences_do_not_overlap_and_neither_recording_nor_cancelling_one_moves_a_sanctions_end()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), orderDate: "2021-11-10"));
        var recorded = await AbsenceAsync("business-trip", "2021-11-11", "2021-11-14");
        (await SanctionAsync(imposed.Id)).ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));
        (await RefusedAsync($"/api/employees/{Employee}/absences",
                new { expectedVersion = recorded.Version, kind = "vacation", from = "2021-11-14", to = "2021-11-20" }, 409, HrToken))
            .Rule.ShouldBe("absence-overlaps");

        var absenceId = (await HistoryAsync()).Absences.Single().Id;
        (await RefusedAsync($"/api/employees/{Employee}/absence-cancellations",
                new { expectedVersion = recorded.Version, absenceId = Guid.CreateVersion7(), reason = "Never recorded" }, 409, HrToken))
            .Rule.ShouldBe("no-such-absence");
        await PostAsync<Written>($"/api/employees/{Employee}/absence-cancellations",
            new { expectedVersion = recorded.Version, absenceId, reason = "Trip cancelled" }, HrToken);

        (await SanctionAsync(imposed.Id)).ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));
        (await HistoryAsync()).Absences.ShouldBeEmpty();
    }

    [Fact]
    public async Task bad_absences_and_unknown_employees_are_refused()
    {
        (await RefusedAsync($"/api/employees/{Employee}/absences", new { expectedVersion = 0, kind = "holiday", from = "2021-11-01", to = "2021-11-02" }, 400, HrToken))
            .Errors!.ShouldContainKey("kind");
        (await RefusedAsync($"/api/employees/{Employee}/absences", new { expectedVersion = 0, kind = "vacation", from = "2021-11-05", to = "2021-11-02" }, 400, HrToken))
            .Errors!.ShouldContainKey("to");
        (await RefusedAsync($"/api/employees/{Employee}/absences", new { expectedVersion = 0, kind = "vacation", from = "9999-12-01", to = "9999-12-31" }, 400, HrToken))
            .Errors!.ShouldContainKey("from");
        (await RefusedAsync($"/api/employees/{Employee}/absences", new { expectedVersion = 0, kind = "vacation", from = "0001-01-01", to = "0001-01-02" }, 400, HrToken))
            .Errors!.ShouldContainKey("from");
        (await RefusedAsync($"/api/employees/{Employee}/absences", new { expectedVersion = 3, kind = "vacation", from = "2021-11-01", to = "2021-11-02" }, 409, HrToken))
            .Rule.ShouldBe("stale-version");
        await RefusedAsync("/api/employees/NOBODY-1", null, 404, HrToken);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_deadline_watch_lists_what_falls_due_on_the_calendar()
    {
        await PublishCalendarAsync(2021, ["2021-11-17"]);
        var registered = await RegisterAsync(Registration(receivedOn: "2021-11-12", complainant: new { anonymous = false, name = "Patient" }));
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);
        await CommandAsync(caseId, "explanation-requests", new { expectedVersion = version, personnelNumber = Employee, requestedOn = "2021-11-15" });

        var due = await GetAsync<DueItem[]>("/api/deadlines?days=10", Investigator);

        due.Single(d => d.Kind == DeadlineKind.CaseAcknowledgement).ShouldBe(
            new DueItem(DeadlineKind.CaseAcknowledgement, registered.Id, registered.Number, null, new DateOnly(2021, 11, 12), new DateOnly(2021, 11, 19), false, 4));
        // Requested Monday 15 November; Wednesday 17 is a holiday: Tuesday and Thursday are the two working days.
        due.Single(d => d.Kind == DeadlineKind.Explanation).DueOn.ShouldBe(new DateOnly(2021, 11, 18));
        due.ShouldNotContain(d => d.Kind == DeadlineKind.ComplainantFeedback);
        // Unacknowledged: three months from the end of the seven days to acknowledge (Directive (EU) 2019/1937 art. 9(1)(f)).
        (await GetAsync<DueItem[]>("/api/deadlines?days=100&kind=complainant-feedback", Investigator)).Single().DueOn.ShouldBe(new DateOnly(2022, 2, 19));

        App.Clock.Now = App.Clock.Now.AddDays(10);
        (await GetAsync<DueItem[]>("/api/deadlines?days=0", Investigator)).Single(d => d.Kind == DeadlineKind.CaseAcknowledgement).Overdue.ShouldBeTrue();
        (await RefusedAsync("/api/deadlines?days=-1", null, 400, Investigator)).Errors!.ShouldContainKey("days");
    }
}
