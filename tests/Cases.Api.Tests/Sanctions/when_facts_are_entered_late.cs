using Cases.Api.Audit;
using Cases.Api.Cases;
using Cases.Api.Employees;
using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Tests.Sanctions;

/// <summary>
/// 2021's facts entered in February 2026: a reprimand ordered on 20 January 2021 (in force through 20 July), and a
/// second misconduct on 15 May 2021, found on 25 May. Art. 52(1)(16) asks what was in force on 15 May, not today.
/// </summary>
public class when_facts_are_entered_late(SanctionApiApp app) : SanctionApiTests(app)
{
    private static readonly DateTimeOffset February2026 = new(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(6));
    private static readonly DateOnly SecondMisconduct = new(2021, 5, 15);

    private string AuditorToken => App.Token(Org, Roles.Auditor);

    private Task<EmployeeInForce> InForceAsync(string query) => GetAsync<EmployeeInForce>($"/api/employees/{Employee}/in-force?{query}", HrToken);

    /// <summary>The first case and its reprimand, whose period ran out in 2021: the service records the expiry at once.</summary>
    private async Task<(Guid CaseId, SanctionImposedResponse Sanction)> FirstReprimandAsync()
    {
        App.Clock.Now = February2026;
        var (caseId, _) = await FoundLateAsync(new DateOnly(2021, 1, 11), new DateOnly(2021, 1, 15));
        var imposed = await ImposeAsync(Order(caseId, orderDate: "2021-01-20", committed: "2021-01-05", discovered: "2021-01-11", orderNumber: "7-K"));
        await EventuallyAsync(() => SanctionAsync(imposed.Id), s => s.Status == SanctionStatus.Expired);
        return (caseId, imposed);
    }

    [Fact]
    public async Task a_sanction_in_force_on_the_day_of_a_new_misconduct_makes_it_repeated_though_it_is_no_longer_in_force()
    {
        var (firstCase, first) = await FirstReprimandAsync();
        var (secondCase, _) = await FoundLateAsync(new DateOnly(2021, 5, 20), new DateOnly(2021, 5, 25), SecondMisconduct);

        var then = await InForceAsync("on=2021-05-15");
        then.HasSanctionInForce.ShouldBeTrue();
        then.Sanctions.Single().SanctionId.ShouldBe(first.Id);
        then.Sanctions.Single().OrderNumber.ShouldBe("7-K");
        then.Sanctions.Single().ExpiresOn.ShouldBe(first.ExpiresOn);
        (await InForceAsync("on=2026-02-03")).HasSanctionInForce.ShouldBeFalse();
        (await HistoryAsync()).HasActiveSanction.ShouldBeFalse();
        // The last day of its period, and the first day after it.
        (await InForceAsync($"on={first.ExpiresOn!.Value.AddDays(-1):yyyy-MM-dd}")).HasSanctionInForce.ShouldBeTrue();
        (await InForceAsync($"on={first.ExpiresOn!.Value:yyyy-MM-dd}")).HasSanctionInForce.ShouldBeFalse();
        (await InForceAsync("on=2021-01-19")).HasSanctionInForce.ShouldBeFalse();

        var finding = await GetAsync<FindingView>($"/api/cases/{secondCase}/finding", Investigator);
        finding.OffenceCommittedOn.ShouldBe(SecondMisconduct);
        var atFault = finding.EmployeesAtFault.Single();
        atFault.PersonnelNumber.ShouldBe(Employee);
        atFault.OffenceCommittedOn.ShouldBe(SecondMisconduct);
        atFault.Repeated.ShouldBeTrue();
        atFault.SanctionInForce!.SanctionId.ShouldBe(first.Id);
        atFault.SanctionInForce.CaseId.ShouldBe(firstCase);
        atFault.SanctionInForce.OrderDate.ShouldBe(new DateOnly(2021, 1, 20));

        // The first finding names no day; its sanction's offence date is used, and nothing was in force before it.
        var earlier = (await GetAsync<FindingView>($"/api/cases/{firstCase}/finding", HrToken)).EmployeesAtFault.Single();
        earlier.OffenceCommittedOn.ShouldBe(new DateOnly(2021, 1, 5));
        earlier.Repeated.ShouldBeFalse();
        earlier.SanctionInForce.ShouldBeNull();
    }

    [Fact]
    public async Task an_overturning_entered_late_changes_what_the_records_say_was_in_force_but_not_what_was_in_effect_before_it()
    {
        var (_, first) = await FirstReprimandAsync();
        await SanctionCommandAsync(first.Id, "appeal", new { expectedVersion = 2, authority = "District court", filedOn = "2021-02-01" });
        var beforeOverturning = (await GetAsync<RecordedEvent[]>($"/api/sanctions/{first.Id}/history", AuditorToken)).Last().Time;
        await SanctionCommandAsync(first.Id, "appeal-decision", new { expectedVersion = 3, outcome = "overturned", decidedOn = "2021-06-01" });

        // By the records as they stood before the court's decision was entered, the reprimand was in force on 15 May.
        var recordedThen = await InForceAsync($"on=2021-05-15&asOf={Uri.EscapeDataString(beforeOverturning.ToString("O"))}");
        recordedThen.HasSanctionInForce.ShouldBeTrue();
        recordedThen.Sanctions.Single().SanctionId.ShouldBe(first.Id);
        // Everything recorded now: overturned, so void from the start.
        (await InForceAsync("on=2021-05-15")).HasSanctionInForce.ShouldBeFalse();

        var asRecorded = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?asOf={Uri.EscapeDataString(beforeOverturning.ToString("O"))}", AuditorToken);
        asRecorded.Status.ShouldBe(SanctionStatus.Expired);
        var now = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?effectiveOn=2026-02-03", AuditorToken);
        now.Status.ShouldBe(SanctionStatus.Overturned);
        // In effect on 15 May 2021: the appeal was pending and the reprimand stood; no expiry had happened yet.
        var inEffect = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?effectiveOn=2021-05-15", AuditorToken);
        inEffect.Status.ShouldBe(SanctionStatus.Active);
        inEffect.EndedOn.ShouldBeNull();
        inEffect.Appeals.Single().State.ShouldBe(AppealState.Pending);
        // As recorded at imposition (no expiry recorded yet), the period that had run out by August shows as expired.
        var derived = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?version=1&effectiveOn=2021-08-01", AuditorToken);
        derived.Status.ShouldBe(SanctionStatus.Expired);
        derived.EndedOn.ShouldBe(first.ExpiresOn);
        (await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?version=1", AuditorToken)).Status.ShouldBe(SanctionStatus.Active);
        await RefusedAsync($"/api/sanctions/{first.Id}/as-of?effectiveOn=2021-01-19", null, 404, AuditorToken);
    }

    [Fact]
    public async Task a_lifting_entered_after_the_recorded_expiry_changes_what_the_records_say_was_in_force_from_its_day_on()
    {
        var (_, first) = await FirstReprimandAsync();
        var history = await EventuallyAsync(() => GetAsync<RecordedEvent[]>($"/api/sanctions/{first.Id}/history", AuditorToken),
            events => events.Any(e => e.Type == "sanction_expired"));
        var beforeLifting = Uri.EscapeDataString(history.Last().Time.ToString("O"));

        await SanctionCommandAsync(first.Id, "lifting", new { expectedVersion = 2, liftedBy = "Chief physician", reason = "Exemplary conduct", liftedOn = "2021-05-10" });

        (await GetAsync<RecordedEvent[]>($"/api/sanctions/{first.Id}/history", AuditorToken)).Select(e => e.Type)
            .ShouldBe(["sanction_imposed", "sanction_expired", "sanction_expiry_retracted", "sanction_lifted"]);
        // By the records as they stood before the lifting was entered, the reprimand was in force on 15 May.
        var recordedThen = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?asOf={beforeLifting}&effectiveOn=2021-05-15", AuditorToken);
        (recordedThen.Status, recordedThen.EndedOn).ShouldBe((SanctionStatus.Active, (DateOnly?)null));
        var inForceThen = await InForceAsync($"on=2021-05-15&asOf={beforeLifting}");
        inForceThen.HasSanctionInForce.ShouldBeTrue();
        inForceThen.Sanctions.Single().SanctionId.ShouldBe(first.Id);
        // Everything recorded now: lifted on 10 May, so no longer in force on 15 May, though it still was on 1 May.
        var lifted = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?effectiveOn=2021-05-15", AuditorToken);
        (lifted.Status, lifted.EndedOn).ShouldBe((SanctionStatus.Lifted, (DateOnly?)new DateOnly(2021, 5, 10)));
        (await InForceAsync("on=2021-05-15")).HasSanctionInForce.ShouldBeFalse();
        var before = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?effectiveOn=2021-05-01", AuditorToken);
        (before.Status, before.EndedOn).ShouldBe((SanctionStatus.Active, (DateOnly?)null));
        (await InForceAsync("on=2021-05-01")).HasSanctionInForce.ShouldBeTrue();
        // After its period: lifted, not expired, now; expired on 21 July by the records before the lifting.
        var august = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?effectiveOn=2021-08-01", AuditorToken);
        (august.Status, august.EndedOn).ShouldBe((SanctionStatus.Lifted, (DateOnly?)new DateOnly(2021, 5, 10)));
        var augustThen = await GetAsync<SanctionSummary>($"/api/sanctions/{first.Id}/as-of?asOf={beforeLifting}&effectiveOn=2021-08-01", AuditorToken);
        (augustThen.Status, augustThen.EndedOn).ShouldBe((SanctionStatus.Expired, first.ExpiresOn));
    }

    [Fact]
    public async Task bad_days_unknown_employees_and_cases_without_a_finding_are_refused()
    {
        var (caseId, _) = await FirstReprimandAsync();

        (await RefusedAsync($"/api/employees/{Employee}/in-force", null, 400, HrToken)).Errors!.ShouldContainKey("on");
        (await RefusedAsync($"/api/employees/{Employee}/in-force?on=2021-02-30", null, 400, HrToken)).Errors!.ShouldContainKey("on");
        (await RefusedAsync($"/api/employees/{Employee}/in-force?on=15.05.2021", null, 400, HrToken)).Errors!.ShouldContainKey("on");
        (await RefusedAsync($"/api/employees/{Employee}/in-force?on=2021-05-15&asOf=yesterday", null, 400, HrToken)).Errors!.ShouldContainKey("asOf");
        await RefusedAsync("/api/employees/E-9999/in-force?on=2021-05-15", null, 404, HrToken);

        await RefusedAsync($"/api/cases/{Guid.CreateVersion7()}/finding", null, 404, Investigator);
        var (open, version) = await CaseAtAsync(CaseStep.ExplanationGiven);
        await RefusedAsync($"/api/cases/{open}/finding", null, 404, Investigator);

        object Finding(bool violationFound, string foundOn, string offenceCommittedOn) => new
        {
            expectedVersion = version, violationFound, employeesAtFault = violationFound ? new[] { Employee } : [],
            ethicsArticlesViolated = Array.Empty<string>(), corruptionRelated = false, summary = "Checked", foundOn, offenceCommittedOn
        };
        (await RefusedAsync($"/api/cases/{open}/finding", Finding(true, "2021-03-12", "2021-03-13"), 400, Investigator)).Errors!.ShouldContainKey("offenceCommittedOn");
        (await RefusedAsync($"/api/cases/{open}/finding", Finding(true, "2021-03-12", "2026-02-04"), 400, Investigator)).Errors!.ShouldContainKey("offenceCommittedOn");
        (await RefusedAsync($"/api/cases/{open}/finding", Finding(false, "2021-03-12", "2021-03-05"), 400, Investigator)).Errors!.ShouldContainKey("offenceCommittedOn");
        (await GetCaseAsync(caseId)).Finding!.OffenceCommittedOn.ShouldBeNull();
    }
}
