using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Meetings;

namespace Cases.Api.Tests.Meetings;

/// <summary>The clock stands at 15 November 2021, the day every meeting here is held.</summary>
public class when_measuring_execution(MeetingApiApp app) : MeetingApiTests(app)
{
    private async Task ExecuteAsync(Guid decisionId, string on) =>
        await DecisionCommandAsync(decisionId, "execution-reports",
            new { expectedVersion = 1, progress = "executed", report = "Done", evidence = new[] { "Report No. 1" }, reportedOn = on });

    [Fact]
    public async Task the_rate_counts_on_time_over_due_and_leaves_pending_ones_out()
    {
        var commissionId = await CommissionAsync();
        var onTime = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId, executor: "Surgery");
        var late = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId, executor: "Surgery");
        await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId, executor: "Pharmacy");
        await AdoptedDecisionAsync(dueDate: "2021-11-30", commissionId: commissionId, executor: "Pharmacy");
        await AdoptedDecisionAsync(dueDate: "2022-01-31", commissionId: commissionId, executor: "Pharmacy");
        var early = await AdoptedDecisionAsync(dueDate: "2021-11-30", commissionId: commissionId, executor: "Pharmacy");
        await ExecuteAsync(onTime.DecisionId!.Value, "2021-11-15");
        await ExecuteAsync(early.DecisionId!.Value, "2021-11-15");
        App.Clock.Now = App.Clock.Now.AddDays(3);
        await ExecuteAsync(late.DecisionId!.Value, "2021-11-17");

        var rate = await GetAsync<ExecutionRate>($"/api/decisions/execution-rate?from=2021-11-01&to=2021-12-31&commissionId={commissionId}",
            App.Token(Org, Roles.Analyst));

        // Of the five due in the period, three are past their due date; the two due on 30 November are not yet judged,
        // though one of them is already executed.
        rate.ShouldBe(new ExecutionRate(new DateOnly(2021, 11, 1), new DateOnly(2021, 12, 31), Due: 5, ExecutedOnTime: 1, ExecutedLate: 1,
            Overdue: 1, NotYetDue: 2, RatePercent: 33.3m));
    }

    [Fact]
    public async Task open_decisions_are_listed_per_executor_and_executed_ones_apart()
    {
        var commissionId = await CommissionAsync();
        var first = await AdoptedDecisionAsync(dueDate: "2021-11-20", commissionId: commissionId, executor: "Surgery");
        await AdoptedDecisionAsync(dueDate: "2021-11-25", commissionId: commissionId, executor: "Surgery");
        var done = await AdoptedDecisionAsync(dueDate: "2021-11-25", commissionId: commissionId, executor: "Pharmacy");
        await ExecuteAsync(done.DecisionId!.Value, "2021-11-15");

        var workload = await GetAsync<ExecutorWorkload[]>("/api/decisions/open-by-executor", App.Token(Org, Roles.Hr));

        workload.Single().Executor.ShouldBe("Surgery");
        workload.Single().Open.ShouldBe(2);
        workload.Single().Decisions[0].Id.ShouldBe(first.DecisionId!.Value);
        (await GetAsync<Paged<Projections.Meetings.DecisionSummary>>("/api/decisions?executor=Pharmacy&unexecuted=false", SecretaryToken)).Items
            .Single().Id.ShouldBe(done.DecisionId!.Value);
        var watched = await GetAsync<Deadlines.DueItem[]>("/api/deadlines?days=30&kind=decision-execution", SecretaryToken);
        watched.Select(d => d.Reference).ShouldBe(["1/2021-1", "2/2021-1"]);
        watched[0].DueOn.ShouldBe(new DateOnly(2021, 11, 20));
    }

    [Fact]
    public async Task a_period_is_required_and_ordered()
    {
        (await RefusedAsync("/api/decisions/execution-rate", null, 400, SecretaryToken)).Errors!.Keys.ShouldBe(["from", "to"], ignoreOrder: true);
        (await RefusedAsync("/api/decisions/execution-rate?from=2021-12-01&to=2021-11-01", null, 400, SecretaryToken)).Errors!.Keys.ShouldContain("from");
        (await RefusedAsync("/api/decisions/execution-rate?from=yesterday&to=2021-11-01", null, 400, SecretaryToken)).Status.ShouldBe(400);
        (await RefusedAsync("/api/decisions?status=forgotten", null, 400, SecretaryToken)).Errors!.Keys.ShouldContain("status");
    }
}
