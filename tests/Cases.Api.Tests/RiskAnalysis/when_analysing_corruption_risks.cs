using Cases.Api.Infrastructure;
using Cases.Api.RiskAnalysis;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.RiskAnalysis;

/// <summary>The centre's internal analysis of corruption risks for ten months of 2021 (seed 000), and one that found some.</summary>
public class when_analysing_corruption_risks(MeetingApiApp app) : MeetingApiTests(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);

    private static object Analysis(string[]? scope = null) => new
    {
        title = "Internal analysis of corruption risks, 10 months of 2021",
        periodFrom = "2021-01-01",
        periodTo = "2021-10-31",
        startedOn = "2021-11-01",
        workingGroup = new[] { new { name = "Kanat Satybayev", position = "First Deputy Chairman of the Board" } },
        scope
    };

    private Task<RiskAnalysisStartedResponse> StartAsync(string? token = null, string[]? scope = null) =>
        PostAsync<RiskAnalysisStartedResponse>("/api/risk-analyses", Analysis(scope), token ?? Compliance, 201);

    private static object Risk(long version, string area = "medical-activity") => new
    {
        expectedVersion = version, area, description = "Planned hospitalisation out of turn",
        conditions = "The waiting list is kept by hand", recommendation = "Publish the waiting list", identifiedOn = "2021-11-05"
    };

    private Task<RiskAnalysisView> ReadAsync(Guid id, string? token = null) => GetAsync<RiskAnalysisView>($"/api/risk-analyses/{id}", token ?? Compliance);

    [Fact]
    public async Task an_analysis_that_found_nothing_is_approved_as_such()
    {
        var started = await StartAsync();
        started.Version.ShouldBe(1);

        var approved = await PostAsync<Written>($"/api/risk-analyses/{started.Id}/approval",
            new { expectedVersion = 1, approvedOn = "2021-11-12", approvedBy = "Chairman of the Board", noRisksFound = true }, Compliance);

        approved.Version.ShouldBe(2);
        var analysis = await ReadAsync(started.Id, App.Token(Org, Roles.Auditor));
        analysis.Scope.ShouldBe(["organisational-and-managerial", "regulatory-acts", "medical-activity"]);
        analysis.WorkingGroup.Single().Name.ShouldBe("Kanat Satybayev");
        (analysis.ApprovedOn, analysis.NoRisksFound, analysis.Risks.Count, analysis.Version).ShouldBe((new DateOnly(2021, 11, 12), true, 0, 2L));
        var list = await GetAsync<Paged<RiskAnalysisView>>("/api/risk-analyses", App.Token(Org, Roles.Analyst));
        list.Items.Single().Id.ShouldBe(started.Id);
    }

    [Fact]
    public async Task a_risk_found_becomes_an_action_that_falls_overdue_unless_executed()
    {
        var id = (await StartAsync()).Id;
        await PostAsync<Written>($"/api/risk-analyses/{id}/risks", Risk(1), Compliance);
        await PostAsync<Written>($"/api/risk-analyses/{id}/approval", new { expectedVersion = 2, approvedOn = "2021-11-12", approvedBy = "Chairman" }, Compliance);
        await PostAsync<Written>($"/api/risk-analyses/{id}/risks/1/action",
            new { expectedVersion = 3, executor = "Head of admissions", dueOn = "2021-11-30", assignedOn = "2021-11-12" }, Compliance);
        await PostAsync<Written>($"/api/risk-analyses/{id}/risks/1/action/report",
            new { expectedVersion = 4, progress = "in-progress", reportedOn = "2021-11-15", note = "Drafting the page" }, Compliance);

        var now = await ReadAsync(id);
        now.Risks.Single().Action!.ShouldSatisfyAllConditions(a => a.Overdue.ShouldBeFalse(), a => a.Progress.ShouldBe(Domain.RiskAnalysis.RiskActionProgress.InProgress));

        // Read on 1 December, a day after it was due, the action is overdue; nothing was recorded for that.
        App.Clock.Now = App.Clock.Now.AddDays(16);
        var later = await ReadAsync(id);
        (later.Version, later.Risks.Single().Action!.Overdue, later.OverdueActions).ShouldBe((5L, true, 1));

        await PostAsync<Written>($"/api/risk-analyses/{id}/risks/1/action/report", new { expectedVersion = 5, progress = "executed", reportedOn = "2021-12-01" }, Compliance);
        (await ReadAsync(id)).Risks.Single().Action!.ShouldSatisfyAllConditions(a => a.Overdue.ShouldBeFalse(), a => a.ExecutedOn.ShouldBe(new DateOnly(2021, 12, 1)));
    }

    [Fact]
    public async Task each_rule_is_answered_409()
    {
        var id = (await StartAsync(scope: ["medical-activity"])).Id;
        (await RefusedAsync($"/api/risk-analyses/{id}/risks", Risk(1, "regulatory-acts"), 409, Compliance)).Rule.ShouldBe("area-outside-scope");
        (await RefusedAsync($"/api/risk-analyses/{id}/approval", new { expectedVersion = 1, approvedOn = "2021-11-12", approvedBy = "Chairman" }, 409, Compliance))
            .Rule.ShouldBe("no-risks-recorded");
        await PostAsync<Written>($"/api/risk-analyses/{id}/risks", Risk(1), Compliance);
        (await RefusedAsync($"/api/risk-analyses/{id}/risks/1/action", new { expectedVersion = 2, executor = "Head", dueOn = "2021-12-31" }, 409, Compliance))
            .Rule.ShouldBe("risk-analysis-not-approved");
        (await RefusedAsync($"/api/risk-analyses/{id}/risks/1/action/report", new { expectedVersion = 2, progress = "executed", reportedOn = "2021-11-15" }, 409, Compliance))
            .Rule.ShouldBe("action-not-assigned");
        (await RefusedAsync($"/api/risk-analyses/{id}/approval", new { expectedVersion = 2, approvedOn = "2021-11-12", approvedBy = "Chairman", noRisksFound = true }, 409, Compliance))
            .Rule.ShouldBe("risks-recorded");
        await PostAsync<Written>($"/api/risk-analyses/{id}/approval", new { expectedVersion = 2, approvedOn = "2021-11-12", approvedBy = "Chairman" }, Compliance);
        (await RefusedAsync($"/api/risk-analyses/{id}/risks", Risk(3), 409, Compliance)).Rule.ShouldBe("risk-analysis-approved");
        (await RefusedAsync($"/api/risk-analyses/{id}/risks/1/action", new { expectedVersion = 3, executor = "Head", dueOn = "2021-11-10", assignedOn = "2021-11-12" }, 409, Compliance))
            .Rule.ShouldBe("date-before-assignment");
        (await RefusedAsync($"/api/risk-analyses/{id}/risks", Risk(2), 409, Compliance)).Rule.ShouldBe("stale-version");
    }

    [Fact]
    public async Task bad_input_is_400_and_unknown_ones_are_404()
    {
        var invalid = await RefusedAsync("/api/risk-analyses", new
        {
            title = "", periodFrom = "2021-10-31", periodTo = "2021-01-01", workingGroup = Array.Empty<object>(), scope = new[] { "Medical activity" }
        }, 400, Compliance);
        invalid.Errors!.Keys.ShouldBe(["title", "periodTo", "workingGroup", "scope[0]"], ignoreOrder: true);

        var id = (await StartAsync()).Id;
        (await RefusedAsync($"/api/risk-analyses/{id}/risks", new { expectedVersion = 1, area = "medical-activity", description = "", conditions = "x", recommendation = "y" },
            400, Compliance)).Errors!.Keys.ShouldBe(["description"]);
        await RefusedAsync($"/api/risk-analyses/{Guid.CreateVersion7()}", null, 404, Compliance);
        await RefusedAsync($"/api/risk-analyses/{Guid.CreateVersion7()}/risks", Risk(1), 404, Compliance);
        await RefusedAsync($"/api/risk-analyses/{id}/risks/7/action", new { expectedVersion = 1, executor = "Head", dueOn = "2021-12-31" }, 404, Compliance);
    }

    [Fact]
    public async Task another_organisations_analysis_is_unknown()
    {
        var id = (await StartAsync()).Id;
        var theirs = App.Token(OtherOrg, Roles.Compliance);
        await RefusedAsync($"/api/risk-analyses/{id}", null, 404, theirs);
        await RefusedAsync($"/api/risk-analyses/{id}/risks", Risk(1), 404, theirs);
        (await GetAsync<Paged<RiskAnalysisView>>("/api/risk-analyses", theirs)).Items.ShouldBeEmpty();
    }
}
