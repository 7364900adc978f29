using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Meetings;

/// <summary>
/// Decisions turn overdue by themselves through a scheduled message. The service's clock is set two seconds before
/// the end of the due date (Almaty, UTC+6) when the decision is adopted, then moved past midnight: nothing but the
/// scheduled message can change the decision after that.
/// </summary>
public class when_a_decision_falls_due(MeetingApiApp app) : MeetingApiTests(app)
{
    private static readonly DateTimeOffset JustBeforeMidnight = new(2021, 11, 15, 23, 59, 58, TimeSpan.FromHours(6));
    private static readonly DateTimeOffset JustAfterMidnight = new(2021, 11, 16, 0, 0, 1, TimeSpan.FromHours(6));

    private Task<DecisionSummary> EventuallyAsync(Guid decisionId, DecisionStatus status) =>
        EventuallyAsync(() => DecisionAsync(decisionId), found => found.Status == status);

    [Fact]
    public async Task an_unexecuted_decision_becomes_overdue_without_any_request()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = JustBeforeMidnight;
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId);
        (await DecisionAsync(adopted.DecisionId!.Value)).Status.ShouldBe(DecisionStatus.Open);

        App.Clock.Now = JustAfterMidnight;

        var decision = await EventuallyAsync(adopted.DecisionId!.Value, DecisionStatus.Overdue);
        decision.Status.ShouldBe(DecisionStatus.Overdue);
        decision.OverdueFrom.ShouldBe(new DateOnly(2021, 11, 16));
        (await GetAsync<Paged<DecisionSummary>>("/api/decisions?status=overdue", SecretaryToken)).Items.Single().Id.ShouldBe(decision.Id);
    }

    [Fact]
    public async Task it_still_does_after_the_service_restarts()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = JustBeforeMidnight;
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId);

        await App.RestartAsync();
        App.Clock.Now = JustAfterMidnight;

        (await EventuallyAsync(adopted.DecisionId!.Value, DecisionStatus.Overdue)).Status.ShouldBe(DecisionStatus.Overdue);
    }

    [Fact]
    public async Task a_decision_executed_in_time_never_becomes_overdue()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = JustBeforeMidnight;
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId);
        var decisionId = adopted.DecisionId!.Value;
        await DecisionCommandAsync(decisionId, "execution-reports", new
        {
            expectedVersion = 1,
            progress = "executed",
            report = "Staff meeting held on 15 November",
            evidence = new[] { "Minutes of the staff meeting No. 12" }
        });
        var untouched = await OverdueCheckedAsync(decisionId);

        untouched.Status.ShouldBe(DecisionStatus.Executed);
        untouched.ExecutedOnTime.ShouldBe(true);
        untouched.Version.ShouldBe(2);
    }

    [Fact]
    public async Task an_extension_moves_the_moment_it_becomes_overdue()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = JustBeforeMidnight;
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId);
        var decisionId = adopted.DecisionId!.Value;
        var version = (await DecisionCommandAsync(decisionId, "extension-requests",
            new { expectedVersion = 1, proposedDueDate = "2021-11-30", reason = "The head of department is on leave" })).Version;
        await DecisionCommandAsync(decisionId, "extension-grant", new { expectedVersion = version });

        var extended = await OverdueCheckedAsync(decisionId);

        extended.Status.ShouldBe(DecisionStatus.Open);
        extended.DueDate.ShouldBe(new DateOnly(2021, 11, 30));
        extended.OriginalDueDate.ShouldBe(new DateOnly(2021, 11, 15));
        extended.Extensions.Single().Answer.ShouldBe(ExtensionAnswer.Granted);
    }

    /// <summary>
    /// Moves past the old due date and waits until the scheduled check for it has been handled (it leaves the
    /// envelope table), then answers the decision as it stands.
    /// </summary>
    private async Task<DecisionSummary> OverdueCheckedAsync(Guid decisionId)
    {
        App.Clock.Now = JustAfterMidnight;
        await CasesApp.UntilAsync(async () => await PendingChecksAsync() == 0, "the scheduled due-date check to be handled");
        return await DecisionAsync(decisionId);
    }

    private async Task<long> PendingChecksAsync() => (long)(await App.ScalarAsync(
        $"select count(*) from {App.Schema}.wolverine_incoming_envelopes where message_type like '%DecisionDueDatePassed%' and status <> 'Handled' and execution_time < now() + interval '1 hour'"))!;

    [Fact]
    public async Task extensions_and_reports_follow_their_rules()
    {
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-30");
        var url = $"/api/decisions/{adopted.DecisionId}";

        (await RefusedAsync($"{url}/extension-grant", new { expectedVersion = 1 }, 409, SecretaryToken)).Rule.ShouldBe("no-extension-requested");
        (await RefusedAsync($"{url}/extension-refusal", new { expectedVersion = 1, reason = "Nothing asked" }, 409, SecretaryToken)).Rule.ShouldBe("no-extension-requested");
        (await RefusedAsync($"{url}/extension-requests", new { expectedVersion = 1, proposedDueDate = "2021-11-20", reason = "r" }, 409, SecretaryToken))
            .Rule.ShouldBe("extension-not-later");
        (await RefusedAsync($"{url}/extension-requests", new { expectedVersion = 1, proposedDueDate = "9999-12-31", reason = "r" }, 400, SecretaryToken))
            .Errors!.ShouldContainKey("proposedDueDate");
        (await RefusedAsync($"{url}/execution-reports", new { expectedVersion = 1, progress = "executed", report = "Done", evidence = Array.Empty<string>() }, 409, SecretaryToken))
            .Rule.ShouldBe("evidence-required");
        var version = (await DecisionCommandAsync(adopted.DecisionId!.Value, "execution-reports",
            new { expectedVersion = 1, progress = "partially-executed", report = "Half the staff attended", evidence = Array.Empty<string>() })).Version;
        (await DecisionAsync(adopted.DecisionId!.Value)).Status.ShouldBe(DecisionStatus.PartiallyExecuted);
        version = (await DecisionCommandAsync(adopted.DecisionId!.Value, "extension-requests",
            new { expectedVersion = version, proposedDueDate = "2021-12-10", reason = "Second session needed" })).Version;
        (await RefusedAsync($"{url}/extension-requests", new { expectedVersion = version, proposedDueDate = "2021-12-20", reason = "r" }, 409, SecretaryToken))
            .Rule.ShouldBe("extension-pending");
        version = (await DecisionCommandAsync(adopted.DecisionId!.Value, "extension-refusal", new { expectedVersion = version, reason = "Not justified" })).Version;
        version = (await DecisionCommandAsync(adopted.DecisionId!.Value, "execution-reports",
            new { expectedVersion = version, progress = "executed", report = "Second session held", evidence = new[] { "Attendance sheet" } })).Version;
        (await RefusedAsync($"{url}/execution-reports", new { expectedVersion = version, progress = "executed", report = "Again", evidence = new[] { "x" } }, 409, SecretaryToken))
            .Rule.ShouldBe("decision-executed");

        var decision = await DecisionAsync(adopted.DecisionId!.Value);
        decision.Status.ShouldBe(DecisionStatus.Executed);
        decision.Reports.Count.ShouldBe(2);
        decision.Extensions.Single().Answer.ShouldBe(ExtensionAnswer.Refused);
        (await RefusedAsync($"{url}/execution-reports", new { expectedVersion = 1, progress = "executed", report = "x", evidence = new[] { "x" } }, 409, SecretaryToken))
            .Rule.ShouldBe("stale-version");
    }

    [Fact]
    public async Task an_overdue_decision_can_no_longer_be_extended_from_a_later_date_but_can_be_executed_late()
    {
        var commissionId = await CommissionAsync();
        App.Clock.Now = JustBeforeMidnight;
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-15", commissionId: commissionId);
        App.Clock.Now = JustAfterMidnight;
        var overdue = await EventuallyAsync(adopted.DecisionId!.Value, DecisionStatus.Overdue);

        (await RefusedAsync($"/api/decisions/{overdue.Id}/extension-requests",
                new { expectedVersion = overdue.Version, proposedDueDate = "2021-12-01", reason = "Forgot" }, 409, SecretaryToken))
            .Rule.ShouldBe("decision-overdue");
        await DecisionCommandAsync(overdue.Id, "execution-reports",
            new { expectedVersion = overdue.Version, progress = "executed", report = "Done late", evidence = new[] { "Order No. 5" } });

        var late = await DecisionAsync(overdue.Id);
        late.Status.ShouldBe(DecisionStatus.Executed);
        late.ExecutedOnTime.ShouldBe(false);
        late.OverdueFrom.ShouldBe(new DateOnly(2021, 11, 16));
    }
}
