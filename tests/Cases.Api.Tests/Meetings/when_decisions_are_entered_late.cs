using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Meetings;

/// <summary>
/// HR enters 2021's facts in 2026: the decision is adopted at a meeting held on 15 November 2021, due on 30 November,
/// so the service's check finds its due date long past and marks it overdue at once. What the decision means is
/// judged on the facts' business dates, not on the order they were entered in or on what the check did meanwhile.
/// </summary>
public class when_decisions_are_entered_late(MeetingApiApp app) : MeetingApiTests(app)
{
    private static readonly DateTimeOffset Years = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(6));

    private async Task<DecisionSummary> AdoptedAndMarkedOverdueAsync(string dueDate = "2021-11-30")
    {
        App.Clock.Now = Years;
        var commissionId = await CommissionAsync();
        var meeting = await ScheduleAsync(commissionId);
        var version = (await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = Voters })).Version;
        version = (await MeetingCommandAsync(meeting.Id, "opening", new { expectedVersion = version, heldOn = "2021-11-15" })).Version;
        version = await VoteAsync(meeting.Id, version, 1, Voters.Select(v => (v, "for")).ToArray());
        var adopted = await ResolveAsync(meeting.Id, Proposal(version, dueDate: dueDate));
        return await EventuallyAsync(() => DecisionAsync(adopted.DecisionId!.Value), d => d.Status == DecisionStatus.Overdue);
    }

    private async Task<string> StreamTypesAsync(Guid decisionId) => (string)(await App.ScalarAsync(
        $"select string_agg(type, ',' order by version) from {App.Schema}.mt_events where stream_id = '{decisionId}'"))!;

    [Fact]
    public async Task an_execution_by_the_due_date_retracts_the_overdue_mark_recorded_before_it_was_entered()
    {
        var marked = await AdoptedAndMarkedOverdueAsync();
        marked.OverdueFrom.ShouldBe(new DateOnly(2021, 12, 1));

        var written = await DecisionCommandAsync(marked.Id, "execution-reports", new
        {
            expectedVersion = marked.Version, progress = "executed", report = "Staff meeting held", evidence = new[] { "Minutes No. 12" },
            reportedOn = "2021-11-29"
        });

        written.Version.ShouldBe(marked.Version + 2);
        var executed = await DecisionAsync(marked.Id);
        executed.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DecisionStatus.Executed),
            d => d.OverdueFrom.ShouldBeNull(),
            d => d.ExecutedOn.ShouldBe(new DateOnly(2021, 11, 29)),
            d => d.ExecutedOnTime.ShouldBe(true));
        // What the service recorded stays, and what is now known follows it.
        (await StreamTypesAsync(marked.Id)).ShouldBe("decision_adopted,decision_became_overdue,execution_reported,decision_overdue_retracted");
        (await GetAsync<Paged<DecisionSummary>>("/api/decisions?status=overdue", SecretaryToken)).Items.ShouldBeEmpty();

        var analyst = App.Token(Org, Roles.Analyst);
        var rate = await GetAsync<ExecutionRate>("/api/decisions/execution-rate?from=2021-11-01&to=2021-12-31", analyst);
        (rate.Due, rate.ExecutedOnTime, rate.ExecutedLate, rate.Overdue, rate.RatePercent).ShouldBe((1, 1, 0, 0, 100m));
        var counted = (await GetAsync<StatisticsReport>("/api/statistics?from=2021-11-01&to=2021-12-31", analyst)).Total.Execution;
        (counted.ExecutedOnTime, counted.Overdue).ShouldBe((1, 0));
    }

    [Fact]
    public async Task a_late_execution_keeps_the_mark_and_a_partial_report_retracts_nothing()
    {
        var marked = await AdoptedAndMarkedOverdueAsync();
        var version = (await DecisionCommandAsync(marked.Id, "execution-reports", new
        {
            expectedVersion = marked.Version, progress = "partially-executed", report = "Half", evidence = Array.Empty<string>(), reportedOn = "2021-11-20"
        })).Version;
        await DecisionCommandAsync(marked.Id, "execution-reports", new
        {
            expectedVersion = version, progress = "executed", report = "Done", evidence = new[] { "Order No. 5" }, reportedOn = "2021-12-03"
        });

        var late = await DecisionAsync(marked.Id);
        (late.Status, late.OverdueFrom, late.ExecutedOnTime).ShouldBe((DecisionStatus.Executed, new DateOnly(2021, 12, 1), false));
        (await StreamTypesAsync(marked.Id)).ShouldBe("decision_adopted,decision_became_overdue,execution_reported,execution_reported");
    }

    [Fact]
    public async Task an_extension_asked_by_the_due_date_is_accepted_after_the_mark_and_its_grant_clears_it()
    {
        var marked = await AdoptedAndMarkedOverdueAsync();
        var url = $"/api/decisions/{marked.Id}";
        (await RefusedAsync($"{url}/extension-requests",
                new { expectedVersion = marked.Version, proposedDueDate = "2022-01-31", reason = "Asked too late", requestedOn = "2021-12-01" }, 409, SecretaryToken))
            .Rule.ShouldBe("decision-overdue");
        var version = (await DecisionCommandAsync(marked.Id, "extension-requests",
            new { expectedVersion = marked.Version, proposedDueDate = "2022-01-31", reason = "The head of department is on leave", requestedOn = "2021-11-25" })).Version;
        (await RefusedAsync($"{url}/extension-grant", new { expectedVersion = version, grantedOn = "2021-11-24" }, 409, SecretaryToken))
            .Rule.ShouldBe("date-before-request");
        (await RefusedAsync($"{url}/extension-refusal", new { expectedVersion = version, reason = "No", refusedOn = "2021-11-24" }, 409, SecretaryToken))
            .Rule.ShouldBe("date-before-request");

        version = (await DecisionCommandAsync(marked.Id, "extension-grant", new { expectedVersion = version, grantedOn = "2021-11-26" })).Version;

        // The grant clears the mark of 30 November; the new due date is long past too, and the check marks it in turn.
        var remarked = await EventuallyAsync(() => DecisionAsync(marked.Id), d => d.Version > version);
        remarked.ShouldSatisfyAllConditions(
            d => d.DueDate.ShouldBe(new DateOnly(2022, 1, 31)),
            d => d.Status.ShouldBe(DecisionStatus.Overdue),
            d => d.OverdueFrom.ShouldBe(new DateOnly(2022, 2, 1)),
            d => d.Extensions.Single().Answer.ShouldBe(ExtensionAnswer.Granted));
        await DecisionCommandAsync(marked.Id, "execution-reports", new
        {
            expectedVersion = remarked.Version, progress = "executed", report = "Done", evidence = new[] { "Order No. 7" }, reportedOn = "2022-01-20"
        });
        var executed = await DecisionAsync(marked.Id);
        (executed.Status, executed.OverdueFrom, executed.ExecutedOnTime).ShouldBe((DecisionStatus.Executed, (DateOnly?)null, true));
    }

    /// <summary>
    /// The grant of 10 December was only possible on a decision not yet executed: an execution entered after it and dated
    /// before it is refused, as the grant is when the execution is entered first. Progress short of execution is not.
    /// </summary>
    [Fact]
    public async Task an_execution_dated_before_an_extension_already_entered_is_refused()
    {
        var marked = await AdoptedAndMarkedOverdueAsync();
        var version = (await DecisionCommandAsync(marked.Id, "extension-requests",
            new { expectedVersion = marked.Version, proposedDueDate = "2022-01-31", reason = "The head of department is on leave", requestedOn = "2021-11-25" })).Version;
        version = (await DecisionCommandAsync(marked.Id, "extension-grant", new { expectedVersion = version, grantedOn = "2021-12-10" })).Version;
        version = (await EventuallyAsync(() => DecisionAsync(marked.Id), d => d.Version > version)).Version;
        object Report(long expected, string progress, string reportedOn) =>
            new { expectedVersion = expected, progress, report = "Done", evidence = new[] { "Order No. 8" }, reportedOn };

        (await RefusedAsync($"/api/decisions/{marked.Id}/execution-reports", Report(version, "executed", "2021-12-05"), 409, SecretaryToken))
            .Rule.ShouldBe("date-before-extension");
        (await RefusedAsync($"/api/decisions/{marked.Id}/execution-reports", Report(version, "executed", "2021-11-20"), 409, SecretaryToken))
            .Rule.ShouldBe("date-before-extension");
        version = (await DecisionCommandAsync(marked.Id, "execution-reports", Report(version, "partially-executed", "2021-12-05"))).Version;
        await DecisionCommandAsync(marked.Id, "execution-reports", Report(version, "executed", "2021-12-10"));

        var executed = await DecisionAsync(marked.Id);
        (executed.Status, executed.ExecutedOn, executed.ExecutedOnTime, executed.OverdueFrom)
            .ShouldBe((DecisionStatus.Executed, new DateOnly(2021, 12, 10), true, (DateOnly?)null));
    }

    /// <summary>
    /// On the clock of 2021 the check for 30 November is still weeks away when the late execution is reported, so no
    /// mark exists: the decision shows overdue from the day after its due date all the same.
    /// </summary>
    [Fact]
    public async Task an_execution_after_the_due_date_shows_it_overdue_from_the_next_day_without_any_mark()
    {
        var adopted = await AdoptedDecisionAsync(dueDate: "2021-11-30");
        var decisionId = adopted.DecisionId!.Value;
        App.Clock.Now = App.Clock.Now.AddDays(20);

        await DecisionCommandAsync(decisionId, "execution-reports", new
        {
            expectedVersion = 1, progress = "executed", report = "Done", evidence = new[] { "Order No. 9" }, reportedOn = "2021-12-03"
        });

        var late = await DecisionAsync(decisionId);
        (late.Status, late.OverdueFrom, late.ExecutedOnTime).ShouldBe((DecisionStatus.Executed, new DateOnly(2021, 12, 1), false));
        (await StreamTypesAsync(decisionId)).ShouldBe("decision_adopted,execution_reported");
    }
}
