using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Sanctions;
using Cases.Api.Deadlines;
using Cases.Api.Infrastructure;
using Cases.Projections.Deadlines;

namespace Cases.Api.Tests.Sanctions;

public class when_imposing_a_sanction(SanctionApiApp app) : SanctionApiTests(app)
{
    [Fact]
    public async Task the_order_is_recorded_with_its_announcement_and_expiry_dates()
    {
        var caseId = await OffenceAsync();

        var imposed = await ImposeAsync(Order(caseId));

        // Wednesday 10 November: Thursday, Friday and Monday are the three working days to announce it.
        imposed.AnnounceBy.ShouldBe(new DateOnly(2021, 11, 15));
        // In force through 10 May 2022, six months from the order.
        imposed.ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));
        var sanction = await SanctionAsync(imposed.Id);
        sanction.Status.ShouldBe(SanctionStatus.Active);
        sanction.Type.ShouldBe(SanctionType.Reprimand);
        sanction.OrderNumber.ShouldBe("112-K");
        sanction.CaseId.ShouldBe(caseId);

        var history = await HistoryAsync();
        history.HasActiveSanction.ShouldBeTrue();
        history.Sanctions.Single().Status.ShouldBe(SanctionStatus.Active);
        var @case = history.Cases.Single();
        @case.CaseId.ShouldBe(caseId);
        @case.ViolationFound.ShouldBe(true);
        @case.EmployeesAtFault.ShouldBe([Employee]);
        @case.EthicsArticlesViolated.ShouldBe(["4.2"]);
    }

    [Fact]
    public async Task the_time_limits_are_the_organisations_own()
    {
        var ours = await GetAsync<SanctionRules>("/api/sanctions/rules", HrToken);
        var theirs = await GetAsync<SanctionRules>("/api/sanctions/rules", App.Token(OtherOrg, Roles.Hr));

        ours.ShouldBe(new SanctionRules());
        theirs.ShouldBe(new SanctionRules { ExplanationWorkingDays = SanctionApiApp.OtherOrgExplanationWorkingDays });
    }

    [Fact]
    public async Task an_order_is_not_dated_before_the_finding_it_rests_on()
    {
        var caseId = await OffenceAsync();

        (await RefusedAsync("/api/sanctions", Order(caseId, orderDate: "2021-03-11", committed: "2021-03-01", discovered: "2021-03-05"), 409, HrToken))
            .Rule.ShouldBe("date-before-finding");
    }

    [Fact]
    public async Task registrars_do_not_see_the_deadlines_of_sanctions()
    {
        await ImposeAsync(Order(await OffenceAsync()));

        var registrars = await GetAsync<DueItem[]>("/api/deadlines?days=365", App.Token(Org, Roles.Registrar));

        registrars.ShouldNotContain(d => d.Kind == DeadlineKind.OrderAnnouncement || d.Kind == DeadlineKind.SanctionExpiry);
        (await GetAsync<DueItem[]>("/api/deadlines?days=365", HrToken)).ShouldContain(d => d.Kind == DeadlineKind.SanctionExpiry);
    }

    [Fact]
    public async Task an_empty_id_names_nothing()
    {
        await RefusedAsync($"/api/sanctions/{Guid.Empty}/announcement", new { expectedVersion = 1 }, 404, HrToken);
        await RefusedAsync($"/api/cases/{Guid.Empty}/acknowledgement", new { expectedVersion = 1 }, 404, Registrar);
        await RefusedAsync($"/api/sanctions/{Guid.Empty}", null, 404, HrToken);
    }

    [Fact]
    public async Task one_offence_takes_one_sanction()
    {
        var caseId = await OffenceAsync();
        await ImposeAsync(Order(caseId));
        var events = await App.CountAllEventsAsync();

        var refusal = await RefusedAsync("/api/sanctions", Order(caseId, type: "remark", orderNumber: "113-K"), 409, HrToken);

        refusal.Rule.ShouldBe("one-sanction-per-offence");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task no_sanction_without_a_finding_of_violation_by_the_employee()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.ExplanationGiven);

        (await RefusedAsync("/api/sanctions", Order(caseId), 409, HrToken)).Rule.ShouldBe("no-violation-found");
        await RefusedAsync("/api/sanctions", Order(Guid.CreateVersion7()), 404, HrToken);
    }

    [Fact]
    public async Task no_sanction_while_the_employee_is_absent()
    {
        var caseId = await OffenceAsync();
        await AbsenceAsync("sick-leave", "2021-11-08", "2021-11-12");

        var refusal = await RefusedAsync("/api/sanctions", Order(caseId, orderDate: "2021-11-10"), 409, HrToken);

        refusal.Rule.ShouldBe("employee-absent");
        await ImposeAsync(Order(caseId, orderDate: "2021-11-15"));
    }

    [Fact]
    public async Task a_month_from_discovery_not_counting_absences()
    {
        var caseId = await OffenceAsync();
        // Discovered 1 October: the limit is 1 November, a Monday.
        (await RefusedAsync("/api/sanctions", Order(caseId, discovered: "2021-10-01", committed: "2021-09-20", orderDate: "2021-11-02"), 409, HrToken))
            .Rule.ShouldBe("imposition-too-late-after-discovery");

        // Six days of vacation in October move the limit to 7 November.
        await AbsenceAsync("vacation", "2021-10-11", "2021-10-16");
        (await RefusedAsync("/api/sanctions", Order(caseId, discovered: "2021-10-01", committed: "2021-09-20", orderDate: "2021-11-08"), 409, HrToken))
            .Rule.ShouldBe("imposition-too-late-after-discovery");
        await ImposeAsync(Order(caseId, discovered: "2021-10-01", committed: "2021-09-20", orderDate: "2021-11-05"));
    }

    [Fact]
    public async Task six_months_from_the_offence_itself()
    {
        var caseId = await OffenceAsync();

        var refusal = await RefusedAsync("/api/sanctions", Order(caseId, committed: "2021-05-09", discovered: "2021-11-01", orderDate: "2021-11-10"), 409, HrToken);

        refusal.Rule.ShouldBe("imposition-too-late-after-offence");
        refusal.Detail.ShouldNotBeNull().ShouldContain("until 2021-11-09");
    }

    [Fact]
    public async Task the_deadline_watch_follows_the_sanction()
    {
        var caseId = await OffenceAsync();
        var before = await GetAsync<DueItem[]>("/api/deadlines?days=60", HrToken);
        // The finding of 12 March left a month to impose it: the limit passed on 12 April.
        var limit = before.Single(d => d.Kind == DeadlineKind.SanctionImposition);
        limit.DueOn.ShouldBe(new DateOnly(2021, 4, 12));
        limit.Overdue.ShouldBeTrue();

        var imposed = await ImposeAsync(Order(caseId));

        var after = await GetAsync<DueItem[]>("/api/deadlines?days=60", HrToken);
        after.ShouldNotContain(d => d.Kind == DeadlineKind.SanctionImposition);
        after.Single(d => d.Kind == DeadlineKind.OrderAnnouncement).DueOn.ShouldBe(imposed.AnnounceBy);
        (await GetAsync<DueItem[]>("/api/deadlines?days=365", HrToken))
            .Single(d => d.Kind == DeadlineKind.SanctionExpiry).DueOn.ShouldBe(new DateOnly(2022, 5, 11));

        await SanctionCommandAsync(imposed.Id, "announcement", new { expectedVersion = 1 });
        (await GetAsync<DueItem[]>("/api/deadlines?days=60", HrToken)).ShouldNotContain(d => d.Kind == DeadlineKind.OrderAnnouncement);
    }
}
