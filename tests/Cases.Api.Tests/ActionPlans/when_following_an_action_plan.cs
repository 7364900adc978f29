using Cases.Api.ActionPlans;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.ActionPlans;

namespace Cases.Api.Tests.ActionPlans;

/// <summary>
/// The centre's comprehensive plan for forming an anti-corruption culture in 2021 (seed 000), with an item shared with
/// a district akimat as the regional plan of seed 001 has them: reported body by body, overdue by itself, and its rate.
/// </summary>
public class when_following_an_action_plan(MeetingApiApp app) : MeetingApiTests(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);

    private static object Body(string body, string? organisation = null) => new { body, organisation };

    private static object Plan(object? firstTerm = null) => new
    {
        title = "Comprehensive plan for the formation of an anti-corruption culture for 2021",
        implements = "Anti-Corruption Strategy of the Republic of Kazakhstan for 2015-2025",
        firstYear = 2021,
        lastYear = 2021,
        approvedBy = "Chairman of the Board",
        approvedOn = "2021-01-15",
        items = new object[]
        {
            new
            {
                number = 1, text = "Hold seminars on anti-corruption legislation for the staff", responsible = new[] { Body("Compliance service") },
                term = firstTerm ?? new { kind = "half-year", year = 2021, part = 1 }, indicator = "Every department trained"
            },
            new
            {
                number = 2, text = "Publish the results of anti-corruption monitoring", responsible = new[] { Body("Compliance service"), Body("Akimat of Ekibastuz", "ekibastuz") },
                term = new { kind = "ongoing", reporting = "quarterly" }
            },
            new { number = 3, text = "Review the conflict-of-interest declarations", responsible = new[] { Body("Human resources") }, term = new { kind = "by-date", date = "2021-12-20" } }
        }
    };

    private Task<ActionPlanAdoptedResponse> AdoptAsync(string? token = null) =>
        PostAsync<ActionPlanAdoptedResponse>("/api/action-plans", Plan(), token ?? Compliance, 201);

    private static object Report(long version, string body, string progress, string reportedOn, string? organisation = null, string? periodFrom = null,
        string? periodTo = null) =>
        new { expectedVersion = version, body, organisation, progress, report = "Done as planned", reportedOn, periodFrom, periodTo };

    private Task<ActionPlanView> ReadAsync(Guid id, string? token = null) => GetAsync<ActionPlanView>($"/api/action-plans/{id}", token ?? Compliance);

    [Fact]
    public async Task a_plan_falls_overdue_by_itself_and_is_executed_body_by_body()
    {
        var adopted = await AdoptAsync();
        adopted.Version.ShouldBe(4);
        var id = adopted.Id;
        await PostAsync<Written>($"/api/action-plans/{id}/items/1/reports", Report(4, "Compliance service", "executed", "2021-06-25"), Compliance);
        await PostAsync<Written>($"/api/action-plans/{id}/items/2/reports", Report(5, "Compliance service", "executed", "2021-04-05", periodFrom: "2021-01-01", periodTo: "2021-03-31"), Compliance);
        await PostAsync<Written>($"/api/action-plans/{id}/items/2/reports", Report(6, "Compliance service", "executed", "2021-07-02", periodFrom: "2021-04-01", periodTo: "2021-06-30"), Compliance);
        var last = await PostAsync<Written>($"/api/action-plans/{id}/items/2/reports", Report(7, "Akimat of Ekibastuz", "partially-executed", "2021-03-30", "ekibastuz"), Compliance);
        last.Version.ShouldBe(8);

        // Read on 15 November: the third quarter has no report from either body, the akimat's second neither.
        var plan = await ReadAsync(id, App.Token(Org, Roles.Auditor));
        (plan.Version, plan.PeriodFrom, plan.PeriodTo, plan.Items.Count).ShouldBe((8L, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), 3));
        plan.Execution.Total.ShouldBe(new PlanExecutionFigures(7, 3, 3, 3, 42.9m));
        plan.Execution.OverdueItems.ShouldBe([2]);
        var akimat = plan.Items[1].Bodies.Single(b => b.Organisation == "ekibastuz");
        (akimat.Overdue, akimat.Progress).ShouldBe((true, PlanItemProgress.PartiallyExecuted));
        akimat.MissedDueDates.ShouldBe([new DateOnly(2021, 6, 30), new DateOnly(2021, 9, 30)]);
        plan.Items[0].ShouldSatisfyAllConditions(i => i.Overdue.ShouldBeFalse(), i => i.LastDay.ShouldBe(new DateOnly(2021, 6, 30)));
        plan.Execution.Bodies.Select(b => (b.Body, b.Figures.Due, b.Figures.Executed, b.Figures.RatePercent)).ShouldBe(
            [("Compliance service", 4, 3, 75.0m), ("Akimat of Ekibastuz", 3, 0, 0.0m), ("Human resources", 0, 0, null)]);

        var firstHalf = await GetAsync<PlanExecution>($"/api/action-plans/{id}/execution?from=2021-01-01&to=2021-06-30", App.Token(Org, Roles.Analyst));
        firstHalf.Total.ShouldBe(new PlanExecutionFigures(5, 3, 1, 0, 60.0m));

        // On 21 December the review of declarations is a day past its date, with nothing recorded for that.
        App.Clock.Now = new DateTimeOffset(2021, 12, 21, 9, 0, 0, TimeSpan.Zero);
        var later = await ReadAsync(id);
        later.Items[2].Overdue.ShouldBeTrue();
        later.Execution.OverdueItems.ShouldBe([2, 3]);
        var list = await GetAsync<Paged<ActionPlanView>>("/api/action-plans?from=2021-06-01&to=2021-06-30", Compliance);
        list.Items.ShouldContain(p => p.Id == id);
        (await GetAsync<Paged<ActionPlanView>>("/api/action-plans?from=2022-01-01", Compliance)).Items.ShouldNotContain(p => p.Id == id);
    }

    [Fact]
    public async Task an_item_is_added_to_a_plan_in_force()
    {
        var id = (await AdoptAsync()).Id;
        var added = await PostAsync<Written>($"/api/action-plans/{id}/items", new
        {
            expectedVersion = 4, text = "Survey the patients on everyday corruption", responsible = new[] { Body("Compliance service") },
            term = new { kind = "quarter", year = 2021, part = 4 }, indicator = "A survey of 500 patients", addedOn = "2021-09-01"
        }, Compliance);
        added.Version.ShouldBe(5);
        var item = (await ReadAsync(id)).Items.Single(i => i.Number == 4);
        (item.Term.Kind, item.Term.Part, item.AddedOn, item.LastDay).ShouldBe((Domain.TermKind.Quarter, 4, new DateOnly(2021, 9, 1), new DateOnly(2021, 12, 31)));
    }

    [Fact]
    public async Task each_rule_is_answered_409()
    {
        (await RefusedAsync("/api/action-plans", Plan(new { kind = "year", year = 2022 }), 409, Compliance)).Rule.ShouldBe("term-outside-plan-period");
        var id = (await AdoptAsync()).Id;
        (await RefusedAsync($"/api/action-plans/{id}/items", new
        {
            expectedVersion = 4, number = 2, text = "Again", responsible = new[] { Body("Compliance service") }, term = new { kind = "year", year = 2021 }
        }, 409, Compliance)).Rule.ShouldBe("plan-item-number-taken");
        (await RefusedAsync($"/api/action-plans/{id}/items/1/reports", Report(4, "Human resources", "executed", "2021-06-25"), 409, Compliance))
            .Rule.ShouldBe("body-not-responsible");
        (await RefusedAsync($"/api/action-plans/{id}/items/1/reports", Report(4, "Compliance service", "executed", "2021-01-14"), 409, Compliance))
            .Rule.ShouldBe("date-before-item");
        (await RefusedAsync($"/api/action-plans/{id}/items/2/reports", Report(4, "Compliance service", "executed", "2021-07-02", periodFrom: "2021-04-01", periodTo: "2021-05-31"), 409, Compliance))
            .Rule.ShouldBe("not-a-reporting-period");
        await PostAsync<Written>($"/api/action-plans/{id}/items/1/reports", Report(4, "Compliance service", "executed", "2021-06-25"), Compliance);
        (await RefusedAsync($"/api/action-plans/{id}/items/1/reports", Report(5, "Compliance service", "executed", "2021-06-26"), 409, Compliance))
            .Rule.ShouldBe("item-already-executed");
        await PostAsync<Written>($"/api/action-plans/{id}/items/2/reports", Report(5, "Compliance service", "executed", "2021-07-02"), Compliance);
        (await RefusedAsync($"/api/action-plans/{id}/items/2/reports", Report(6, "Compliance service", "executed", "2021-07-03"), 409, Compliance))
            .Rule.ShouldBe("period-already-reported");
        (await RefusedAsync($"/api/action-plans/{id}/items/2/reports", Report(5, "Compliance service", "executed", "2021-10-03"), 409, Compliance))
            .Rule.ShouldBe("stale-version");
    }

    [Fact]
    public async Task bad_input_is_400_and_unknown_ones_are_404()
    {
        var invalid = await RefusedAsync("/api/action-plans", new
        {
            title = "", approvedBy = "Chairman", approvedOn = "2021-01-15", firstYear = 2021, lastYear = 2020,
            items = new object[]
            {
                new { text = "Seminars", responsible = Array.Empty<object>(), term = new { kind = "half-year", part = 3 } },
                new { text = "Monitoring", responsible = new[] { Body("Compliance service", "Not An Id") }, term = new { kind = "ongoing" } }
            }
        }, 400, Compliance);
        invalid.Errors!.Keys.ShouldBe(["title", "lastYear", "items[0].responsible", "items[0].term.year", "items[0].term.part",
            "items[1].responsible[0].organisation", "items[1].term.reporting"], ignoreOrder: true);

        (await RefusedAsync("/api/action-plans", new { title = "For ever", approvedBy = "Chairman", approvedOn = "2021-01-15", periodFrom = "2021-01-01", periodTo = "2041-12-31" },
            400, Compliance)).Errors!.Keys.ShouldBe(["periodTo"]);

        var id = (await AdoptAsync()).Id;
        (await RefusedAsync($"/api/action-plans/{id}/items/2/reports", Report(4, "Compliance service", "executed", "2021-07-02", periodFrom: "2021-04-01"), 400, Compliance))
            .Errors!.Keys.ShouldBe(["periodTo"]);
        await RefusedAsync($"/api/action-plans/{Guid.CreateVersion7()}", null, 404, Compliance);
        await RefusedAsync($"/api/action-plans/{Guid.CreateVersion7()}/execution", null, 404, Compliance);
        await RefusedAsync($"/api/action-plans/{id}/items/9/reports", Report(4, "Compliance service", "executed", "2021-06-25"), 404, Compliance);
    }

    [Fact]
    public async Task another_organisations_plan_is_unknown()
    {
        var id = (await AdoptAsync()).Id;
        var theirs = App.Token(OtherOrg, Roles.Compliance);
        await RefusedAsync($"/api/action-plans/{id}", null, 404, theirs);
        await RefusedAsync($"/api/action-plans/{id}/items/1/reports", Report(4, "Compliance service", "executed", "2021-06-25"), 404, theirs);
        (await GetAsync<Paged<ActionPlanView>>("/api/action-plans", theirs)).Items.ShouldBeEmpty();
    }
}
