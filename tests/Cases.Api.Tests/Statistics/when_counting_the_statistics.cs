using Cases.Api.Contacts;
using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Statistics;

/// <summary>Each figure against a scenario counted by hand, across month boundaries and two organisations.</summary>
public class when_counting_the_statistics(MeetingApiApp app) : MeetingApiTests(app)
{
    private Task<ContactRecordedResponse> ContactAsync(string channel, string on, bool corruption = false, string? org = null) =>
        PostAsync<ContactRecordedResponse>("/api/contacts", new { channel, topic = "Appointment times", corruptionRelated = corruption, contactedOn = on },
            App.Token(org ?? Org, Roles.Registrar), 201);

    private async Task ScenarioAsync()
    {
        await ContactAsync("call-centre", "2021-03-01");
        await ContactAsync("call-centre", "2021-03-31");
        await ContactAsync("hotline", "2021-03-15", corruption: true);
        await ContactAsync("call-centre", "2021-04-01");
        await ContactAsync("call-centre", "2021-03-10", org: OtherOrg);

        // Two appeals received on 2 March; one closed on 15 November after a finding of an ethics violation on 12 March.
        await CaseAtAsync(CaseStep.Closed);
        var offence = (await CaseAtAsync(CaseStep.FindingRecorded)).Id;
        await RegisterAsync(Registration(receivedOn: "2021-04-05", channel: "hotline", category: "corruption"));
        await RegisterAsync(Registration(receivedOn: "2021-03-20"), App.Token(OtherOrg, Roles.Registrar));

        var hr = App.Token(Org, Roles.Hr);
        await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = CaseSubject, caseId = offence, type = "remark", orderNumber = "7-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, hr, 201);

        await AdoptedDecisionAsync(dueDate: "2021-11-15");
        // Five days on, that decision is overdue.
        App.Clock.Now = App.Clock.Now.AddDays(5);
    }

    [Fact]
    public async Task each_figure_is_what_happened_in_its_month()
    {
        await ScenarioAsync();

        var report = await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-11-30", App.Token(Org, Roles.Analyst));

        report.Months.Count.ShouldBe(9);
        var march = report.Months[0];
        march.Period.ShouldBe("2021-03");
        (march.Contacts, march.CorruptionContacts).ShouldBe((3, 1));
        march.ContactsByChannel.ShouldBe(new Dictionary<string, int> { ["call-centre"] = 2, ["hotline"] = 1 });
        march.Appeals.ShouldBe(2);
        march.AppealsByCategory.ShouldBe(new Dictionary<string, int> { ["medical-care"] = 2 });
        march.EthicsFindingsWithViolation.ShouldBe(2);
        var april = report.Months[1];
        (april.Contacts, april.Appeals, april.CorruptionAppeals).ShouldBe((1, 1, 1));
        april.AppealsByChannel.ShouldBe(new Dictionary<string, int> { ["hotline"] = 1 });
        var november = report.Months[8];
        november.CasesClosed.ShouldBe(1);
        november.AverageDaysToClose.ShouldBe(258m);
        november.MeetingsHeld.ShouldBe(1);
        november.MeetingsByCommission.ShouldBe(new Dictionary<string, int> { ["Disciplinary commission"] = 1 });
        november.DecisionsAdopted.ShouldBe(1);
        november.Execution.Due.ShouldBe(1);
        november.Execution.Overdue.ShouldBe(1);
        november.SanctionsByType.ShouldBe(new Dictionary<string, int> { ["remark"] = 1 });

        var total = report.Total;
        (total.Contacts, total.Appeals, total.CorruptionAppeals, total.CasesClosed, total.MeetingsHeld, total.DecisionsAdopted, total.Sanctions)
            .ShouldBe((4, 3, 1, 1, 1, 1, 1));
        (total.EthicsFindingsWithViolation, total.EthicsFindingsWithoutViolation).ShouldBe((2, 0));

        var theirs = await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-03-31", App.Token(OtherOrg, Roles.Analyst));
        (theirs.Total.Contacts, theirs.Total.Appeals).ShouldBe((1, 1));
    }

    [Fact]
    public async Task a_range_adds_up_its_months_and_an_overturned_sanction_never_counts()
    {
        await ScenarioAsync();
        var hr = App.Token(Org, Roles.Hr);
        var sanctions = (await GetAsync<Paged<Projections.Sanctions.SanctionSummary>>("/api/sanctions", hr)).Items;
        var version = (await PostAsync<Written>($"/api/sanctions/{sanctions[0].Id}/appeal", new { expectedVersion = 1, authority = "Court" }, hr)).Version;
        await PostAsync<Written>($"/api/sanctions/{sanctions[0].Id}/appeal-decision", new { expectedVersion = version, outcome = "overturned" }, hr);

        var spring = await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-04-30", App.Token(Org, Roles.Analyst));
        var march = await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-03-31", App.Token(Org, Roles.Analyst));
        var april = await GetAsync<StatisticsReport>("/api/statistics?from=2021-04-01&to=2021-04-30", App.Token(Org, Roles.Analyst));

        spring.Total.Contacts.ShouldBe(march.Total.Contacts + april.Total.Contacts);
        spring.Total.Appeals.ShouldBe(march.Total.Appeals + april.Total.Appeals);
        (await GetAsync<StatisticsReport>("/api/statistics?from=2021-11-01&to=2021-11-30", App.Token(Org, Roles.Analyst))).Total.Sanctions.ShouldBe(0);
    }

    [Fact]
    public async Task csv_is_given_to_a_client_that_asks_for_it()
    {
        await ScenarioAsync();

        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics?from=2021-03-01&to=2021-04-30");
            s.WithBearerToken(App.Token(Org, Roles.Analyst));
            s.WithRequestHeader("Accept", "text/csv");
            s.ContentTypeShouldBe("text/csv; charset=utf-8");
        });
        var lines = (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("period,figure,key,value");
        lines.ShouldContain("2021-03,contacts-by-channel,call-centre,2");
        lines.ShouldContain("2021-03..2021-04,appeals,,3");
    }

    [Fact]
    public async Task json_stays_json_unless_csv_is_preferred()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics?from=2021-03-01&to=2021-04-30");
            s.WithBearerToken(App.Token(Org, Roles.Analyst));
            s.WithRequestHeader("Accept", "application/json, text/csv;q=0.5");
        });
        result.Context.Response.ContentType!.ShouldStartWith("application/json");
        result.Context.Response.Headers.Vary.ToString().ShouldBe("Accept,Accept-Language");
    }

    [Fact]
    public async Task a_reopened_case_counts_once_as_closed_when_it_closes_again_and_internal_cases_are_not_appeals()
    {
        var (caseId, version) = await CaseAtAsync(CaseStep.Closed);
        version = (await CommandAsync(caseId, "reopening", new { expectedVersion = version, reason = "New facts", reopenedOn = "2021-11-15" })).Version;
        var reopened = await GetAsync<StatisticsReport>("/api/statistics?from=2021-11-01&to=2021-11-30", App.Token(Org, Roles.Analyst));
        reopened.Total.CasesClosed.ShouldBe(0);
        App.Clock.Now = App.Clock.Now.AddDays(10);
        await CommandAsync(caseId, "closure", new { expectedVersion = version, outcome = "withdrawn", summary = "Withdrawn after all" });
        await RegisterAsync(Registration(receivedOn: "2021-11-20", channel: "internal", category: "labour-discipline"), Investigator);
        await RegisterAsync(Registration(receivedOn: "2021-11-21", category: "ethics"));

        var november = (await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-11-30", App.Token(Org, Roles.Analyst))).Total;

        november.CasesClosed.ShouldBe(1);
        november.AverageDaysToClose.ShouldBe(268m);
        (november.CasesOpened, november.InternalCases, november.Appeals).ShouldBe((3, 1, 2));
        november.AppealsByChannel.Keys.ShouldNotContain("internal");
        // The reopened case's finding (an ethics violation) no longer stands.
        november.EthicsFindingsWithViolation.ShouldBe(0);
    }

    [Fact]
    public async Task an_ethics_case_without_violation_and_each_commissions_execution_are_counted()
    {
        var created = await RegisterAsync(Registration(category: "ethics"));
        var version = created.Version;
        foreach (var (action, body) in CaseSteps.Upto(CaseStep.ExplanationGiven)) version = (await CommandAsync(created.Id, action, body(version))).Version;
        await CommandAsync(created.Id, "finding", new
        {
            expectedVersion = version, violationFound = false, employeesAtFault = Array.Empty<string>(), ethicsArticlesViolated = Array.Empty<string>(),
            corruptionRelated = false, summary = "Polite after all", foundOn = "2021-03-12"
        });
        await AdoptedDecisionAsync(dueDate: "2021-11-15");
        App.Clock.Now = App.Clock.Now.AddDays(5);

        var total = (await GetAsync<StatisticsReport>("/api/statistics?from=2021-03-01&to=2021-11-30", App.Token(Org, Roles.Analyst))).Total;

        (total.EthicsFindingsWithViolation, total.EthicsFindingsWithoutViolation).ShouldBe((0, 1));
        total.Execution.RatePercent.ShouldBe(0m);
        total.ExecutionByCommission["Disciplinary commission"].Overdue.ShouldBe(1);
    }

    [Fact]
    public async Task two_commissions_of_the_same_name_are_told_apart()
    {
        var first = await CommissionAsync();
        var second = await CommissionAsync();
        await OpenMeetingAsync(first, Voters);
        await OpenMeetingAsync(second, Voters);

        var november = (await GetAsync<StatisticsReport>("/api/statistics?from=2021-11-01&to=2021-11-30", App.Token(Org, Roles.Analyst))).Total;

        november.MeetingsByCommission.Keys.ShouldBe([$"Disciplinary commission ({first})", $"Disciplinary commission ({second})"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_logged_contact_can_be_read_back_by_its_organisation_only()
    {
        var contact = await ContactAsync("hotline", "2021-03-15", corruption: true);

        var read = await GetAsync<Domain.Contacts.ContactRecorded>($"/api/contacts/{contact.Id}", Registrar);

        read.CorruptionRelated.ShouldBeTrue();
        await RefusedAsync($"/api/contacts/{contact.Id}", null, 404, App.Token(OtherOrg, Roles.Registrar));
    }

    [Fact]
    public async Task the_period_is_checked_and_a_contact_names_a_known_case()
    {
        (await RefusedAsync("/api/statistics?from=2021-05-01&to=2021-03-01", null, 400, App.Token(Org, Roles.Analyst))).Errors!.ShouldContainKey("from");
        (await RefusedAsync("/api/statistics", null, 400, App.Token(Org, Roles.Analyst))).Errors!.ShouldContainKey("to");
        (await RefusedAsync("/api/statistics?from=9999-11-01&to=9999-12-31", null, 400, App.Token(Org, Roles.Analyst))).Errors!.ShouldContainKey("to");
        (await RefusedAsync("/api/statistics/chart?from=2021-01-01&to=9999-12-31", null, 400, App.Token(Org, Roles.Analyst))).Errors!.ShouldContainKey("to");
        await RefusedAsync("/api/contacts", new { channel = "hotline", topic = "x", corruptionRelated = false, caseId = Guid.CreateVersion7() }, 404, Registrar);
    }
}
