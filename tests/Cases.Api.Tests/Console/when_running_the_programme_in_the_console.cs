using System.Text;
using Cases.Api.ActionPlans;
using Cases.Api.Infrastructure;
using Cases.Api.MobileGroups;
using Cases.Api.RiskAnalysis;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cases.Api.Tests.Console;

/// <summary>
/// The anti-corruption programme's pages (seed 000): the compliance service records monitoring, imports a day's calls
/// and reports on its plan through the console; a role that only reads the programme is refused what only compliance does.
/// </summary>
public sealed class when_running_the_programme_in_the_console(BrowserApp app) : ConsoleTests(app)
{
    private const string Programme = $"{Console}/programme";
    private const string ComplianceUser = "gulnar.compliance";

    private string Compliance => App.Token(Org, Roles.Compliance);

    /// <summary>The centre's plan for 2021: item 1 due in the first half-year, 2 ongoing and reported quarterly, 3 by 20 December.</summary>
    private Task<ActionPlanAdoptedResponse> PlanAsync() => PostAsync<ActionPlanAdoptedResponse>("/api/action-plans", new
    {
        title = "Comprehensive plan for the formation of an anti-corruption culture for 2021",
        implements = "Anti-Corruption Strategy of the Republic of Kazakhstan for 2015-2025",
        firstYear = 2021, lastYear = 2021, approvedBy = "Chairman of the Board", approvedOn = "2021-01-15",
        items = new object[]
        {
            new { number = 1, text = "Hold seminars on anti-corruption legislation", responsible = new[] { new { body = "Compliance service" } },
                term = new { kind = "half-year", year = 2021, part = 1 }, indicator = "Every department trained" },
            new { number = 2, text = "Publish the results of anti-corruption monitoring", responsible = new[] { new { body = "Compliance service" } },
                term = new { kind = "ongoing", reporting = "quarterly" } },
            new { number = 3, text = "Review the conflict-of-interest declarations", responsible = new[] { new { body = "Human resources" } },
                term = new { kind = "by-date", date = "2021-12-20" } }
        }
    }, Compliance, 201);

    private async Task<(Guid Analysis, Guid Group)> AnalysisAndGroupAsync()
    {
        var analysis = await PostAsync<RiskAnalysisStartedResponse>("/api/risk-analyses", new
        {
            title = "Internal analysis of corruption risks, 10 months of 2021", periodFrom = "2021-01-01", periodTo = "2021-10-31", startedOn = "2021-11-01",
            workingGroup = new[] { new { name = "Kanat Satybayev", position = "First Deputy Chairman of the Board" } }
        }, Compliance, 201);
        await PostAsync<Written>($"/api/risk-analyses/{analysis.Id}/risks", new
        {
            expectedVersion = 1, area = "medical-activity", description = "Planned hospitalisation out of turn",
            conditions = "The waiting list is kept by hand", recommendation = "Publish the waiting list", identifiedOn = "2021-11-05"
        }, Compliance);
        var group = await PostAsync<MobileGroupFormedResponse>("/api/mobile-groups", new
        {
            name = "Anti-corruption mobile group of Ekibastuz", area = "Ekibastuz", formedOn = "2021-09-15", startsOn = "2021-10-01",
            members = new object[]
            {
                new { fullName = "A. Akhmetov", body = "City akimat", role = "head" },
                new { fullName = "B. Seitova", body = "Nur Otan party branch" }
            }
        }, Compliance, 201);
        return (analysis.Id, group.Id);
    }

    private async Task LineAsync(string line, string name, string kind) => await App.Host.Scenario(s =>
    {
        s.Put.Json(new { name, kind }).ToUrl($"/api/call-lines/{line}");
        s.WithBearerToken(Compliance);
        s.StatusCodeShouldBe(200);
    });

    [Fact]
    public async Task compliance_records_a_monitoring_round_and_sees_it_in_the_programme()
    {
        var (analysis, group) = await AnalysisAndGroupAsync();
        var page = await SignedInAsync(ComplianceUser, [Roles.Compliance]);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await Expect(page.Locator("#risk-analyses tbody tr")).ToHaveCountAsync(1);
        await CheckPageAsync(page, "en", "console-programme");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a monitoring round" }).ClickAsync();
        await CheckPageAsync(page, "en", "console-programme-monitoring");
        await page.Locator("#record-kind").SelectOptionAsync("public-procurement");
        await page.Locator("#record-from").FillAsync("2021-01-01");
        await page.Locator("#record-to").FillAsync("2021-10-31");
        await page.Locator("#record-sources").FillAsync("goszakup.gov.kz\nThe centre's procurement plan");
        await page.Locator("#record-itemsReviewed").FillAsync("120");
        await page.Locator("#record-procurement\\.checked").FillAsync("120");
        await page.Locator("#record-procurement\\.violations").FillAsync("3");
        await page.Locator("#record-procurement\\.affectingResult").FillAsync("4");
        (await SubmitAsync(page, Button(page, "Record the round"))).ShouldBe(400);
        await Expect(page.Locator("#record-procurement\\.affectingResult-errors")).ToHaveTextAsync("Must not exceed violations.");
        await page.Locator("#record-procurement\\.affectingResult").FillAsync("0");
        (await SubmitAsync(page, Button(page, "Record the round"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The monitoring round was recorded.");
        var round = page.Locator("#monitoring tbody tr");
        await Expect(round).ToHaveCountAsync(1);
        await Expect(round.Locator("th")).ToHaveTextAsync("Public procurement");
        await Expect(round).ToContainTextAsync("2021-01-01 – 2021-10-31");
        await Expect(round).ToContainTextAsync("Nothing found");
        await Expect(round).ToContainTextAsync("checked 120, violations 3, affecting the result 0");

        await GoAsync(page, $"{Programme}/risk-analyses/{analysis}");
        await Expect(page.Locator("#risks tbody")).ToContainTextAsync("Planned hospitalisation out of turn");
        await CheckPageAsync(page, "en", "console-programme-risk-analysis");
        await GoAsync(page, $"{Programme}/mobile-groups/{group}");
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(2);
        await CheckPageAsync(page, "en", "console-programme-mobile-group");
    }

    [Fact]
    public async Task compliance_imports_a_days_calls_and_sees_the_figures()
    {
        await LineAsync("call-centre", "Call-centre", "call-centre");
        await LineAsync("compliance", "Compliance service phone", "compliance-phone");
        var page = await SignedInAsync(ComplianceUser, [Roles.Compliance]);
        await GoAsync(page, $"{Programme}/calls");

        await page.Locator("#import-line").SelectOptionAsync("call-centre");
        await page.Locator("#import-date").FillAsync("2021-11-12");
        await page.Locator("#import-calls").SetInputFilesAsync(new FilePayload
        {
            Name = "call-centre-2021-11-12.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("time,duration,topic,about_corruption\n08:01,60,Appointment times,false\n08:05,95,\"Money asked, ward 3\",true\n09:10,30,Test results,false\n")
        });
        (await SubmitAsync(page, Button(page, "Import the calls"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The day's calls were imported.");
        await Expect(page.Locator("#taken")).ToContainTextAsync("Call-centre");
        await Expect(page.Locator("#taken dd").Nth(2)).ToHaveTextAsync("3");
        await Expect(page.Locator("#taken dd").Nth(3)).ToHaveTextAsync("1");
        await CheckPageAsync(page, "en", "console-programme-calls");
        await GoAsync(page, $"{Programme}?from=2021-11-01&to=2021-11-15");
        var line = page.Locator("#calls tbody tr").Filter(new() { HasText = "Call-centre" });
        await Expect(line.Locator("td")).ToHaveTextAsync(["Call-centre", "1", "3", "3", "3", "3", "1"]);
        await Expect(page.Locator("main")).ToContainTextAsync("No calls in the period: Compliance service phone.");
    }

    [Fact]
    public async Task compliance_reports_an_items_execution_and_the_item_is_no_longer_overdue()
    {
        var plan = (await PlanAsync()).Id;
        var page = await SignedInAsync(ComplianceUser, [Roles.Compliance], language: "kk");
        await GoAsync(page, Programme);
        await CheckPageAsync(page, "kk", "console-programme");
        await GoAsync(page, $"{Programme}/monitoring/new");
        await CheckPageAsync(page, "kk", "console-programme-monitoring");
        await GoAsync(page, $"{Programme}/plans/{plan}");
        var items = page.Locator("#items tbody tr");
        await Expect(items.Nth(0)).ToHaveClassAsync("overdue");
        await Expect(items.Nth(1)).ToHaveClassAsync("overdue");
        await Expect(items.Nth(2)).Not.ToHaveClassAsync("overdue");
        await CheckPageAsync(page, "kk", "console-programme-plan");

        await page.Locator("#report-target").SelectOptionAsync("1:0");
        await page.Locator("#report-report").FillAsync("Seminars held in every department");
        await page.Locator("#report-reportedOn").FillAsync("2021-01-10");
        (await SubmitAsync(page, page.Locator("#report ~ form button[type=submit]"))).ShouldBe(409);
        await Expect(Refusal(page)).ToContainTextAsync("Есеп тармақ жоспарға енгізілгенге дейінгі күнмен белгіленген.");
        await page.Locator("#report-reportedOn").FillAsync("2021-06-25");
        (await SubmitAsync(page, page.Locator("#report ~ form button[type=submit]"))).ShouldBe(302);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Тармақ бойынша есеп тіркелді.");
        await Expect(items.Nth(0)).Not.ToHaveClassAsync("overdue");
        await Expect(items.Nth(0)).ToContainTextAsync("Орындалды, 2021-06-25");
        var read = await GetAsync<ActionPlanView>($"/api/action-plans/{plan}", Compliance);
        read.Items[0].Bodies.Single().Progress.ShouldBe(Domain.ActionPlans.PlanItemProgress.Executed);
        await Expect(page.Locator("#rate")).ToHaveTextAsync(ConsolePercent(read.Execution.Total.RatePercent));
    }

    [Fact]
    public async Task an_auditor_reads_the_programme_but_is_refused_a_monitoring_round()
    {
        var page = await SignedInAsync("arman.auditor", [Roles.Auditor]);
        await GoAsync(page, Programme);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Record a monitoring round" })).ToHaveCountAsync(0);

        await GoAsync(page, $"{Programme}/monitoring/new");
        await page.Locator("#record-from").FillAsync("2021-01-01");
        await page.Locator("#record-to").FillAsync("2021-10-31");
        await page.Locator("#record-sources").FillAsync("facebook.com");
        await page.Locator("#record-itemsReviewed").FillAsync("40");
        (await SubmitAsync(page, Button(page, "Record the round"))).ShouldBe(403);

        await Expect(Refusal(page)).ToContainTextAsync("Your roles do not allow this.");
        (await GetAsync<Paged<Projections.Monitoring.MonitoringRound>>("/api/monitoring/rounds", Compliance)).TotalItems.ShouldBe(0);
    }

    private static string ConsolePercent(decimal? rate) => rate is { } value ? value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
