using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Meetings;

/// <summary>
/// A meeting of 15 November 2021 entered in February 2026: its decision was due on 15 December 2021, so the service
/// records it overdue at once; its execution on 10 December is reported after that.
/// </summary>
public class when_replaying_a_decision(MeetingApiApp app) : MeetingApiTests(app)
{
    private string AuditorToken => App.Token(Org, Roles.Auditor);

    private Task<DecisionSummary> AsOfAsync(Guid decisionId, string query) =>
        GetAsync<DecisionSummary>($"/api/decisions/{decisionId}/as-of?{query}", AuditorToken);

    [Fact]
    public async Task a_decision_entered_late_is_replayed_as_recorded_by_a_moment_and_as_in_effect_on_a_day()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(6));
        var meeting = await ScheduleAsync(commissionId);
        var version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = Voters })).Version;
        version = (await MeetingCommandAsync(meeting.Id, "opening", new { expectedVersion = version, heldOn = "2021-11-15" })).Version;
        version = await VoteAsync(meeting.Id, version, 1, Voters.Select(v => (v, "for")).ToArray());
        var decisionId = (await ResolveAsync(meeting.Id, Proposal(version, dueDate: "2021-12-15"))).DecisionId!.Value;
        await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Status == DecisionStatus.Overdue);
        var beforeReport = (await GetAsync<RecordedEvent[]>($"/api/decisions/{decisionId}/history", AuditorToken)).Last().Time;
        await DecisionCommandAsync(decisionId, "execution-reports", new
        {
            expectedVersion = 2, progress = "executed", report = "Staff meeting held", evidence = new[] { "Minutes of the staff meeting" }, reportedOn = "2021-12-10"
        });

        // As recorded before the report was entered: overdue since 16 December.
        var recorded = await AsOfAsync(decisionId, $"asOf={Uri.EscapeDataString(beforeReport.ToString("O"))}");
        recorded.Status.ShouldBe(DecisionStatus.Overdue);
        recorded.OverdueFrom.ShouldBe(new DateOnly(2021, 12, 16));
        // Everything recorded, in effect on 20 December: executed on 10 December, in time.
        var inEffect = await AsOfAsync(decisionId, "effectiveOn=2021-12-20");
        inEffect.Status.ShouldBe(DecisionStatus.Executed);
        inEffect.ExecutedOnTime.ShouldBe(true);
        (await AsOfAsync(decisionId, "effectiveOn=2021-12-05")).Status.ShouldBe(DecisionStatus.Open);
        // As recorded at adoption (no overdue recorded yet), a day past the due date shows it overdue.
        var derived = await AsOfAsync(decisionId, "version=1&effectiveOn=2021-12-16");
        derived.Status.ShouldBe(DecisionStatus.Overdue);
        derived.OverdueFrom.ShouldBe(new DateOnly(2021, 12, 16));
        (await AsOfAsync(decisionId, "version=1&effectiveOn=2021-12-15")).Status.ShouldBe(DecisionStatus.Open);
        (await AsOfAsync(decisionId, "version=1")).Status.ShouldBe(DecisionStatus.Open);

        var history = await GetAsync<RecordedEvent[]>($"/api/decisions/{decisionId}/history", AuditorToken);
        history.Select(e => e.Type).ShouldBe(["decision_adopted", "decision_became_overdue", "execution_reported", "decision_overdue_retracted"]);
        await RefusedAsync($"/api/decisions/{decisionId}/as-of?effectiveOn=2021-11-14", null, 404, AuditorToken);
        await RefusedAsync($"/api/decisions/{meeting.Id}/history", null, 404, AuditorToken);
        (await RefusedAsync($"/api/decisions/{decisionId}/as-of", null, 400, AuditorToken)).Errors!.ShouldContainKey("asOf");
    }
}
