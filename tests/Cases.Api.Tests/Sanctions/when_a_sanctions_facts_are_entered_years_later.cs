using Cases.Api.Audit;
using Cases.Api.Deadlines;
using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Sanctions;

/// <summary>
/// HR enters in March 2026 the facts of 2021 and 2022: a reprimand ordered on 10 November 2021 was in force through
/// 10 May 2022 (art. 66(4)), and the service records it expired as soon as it is imposed, its period being long over.
/// Every fact is judged on its own business date, not on the day it is entered nor on what the service did meanwhile.
/// </summary>
public class when_a_sanctions_facts_are_entered_years_later(SanctionApiApp app) : SanctionApiTests(app)
{
    private static readonly DateTimeOffset In2026 = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Statutory = new(2022, 5, 11);

    private string Auditor => App.Token(Org, Roles.Auditor);

    private Task<RecordedEvent[]> EventsAsync(Guid sanctionId) => GetAsync<RecordedEvent[]>($"/api/sanctions/{sanctionId}/history", Auditor);

    private async Task<SanctionImposedResponse> ImposedAndExpiredAsync()
    {
        App.Clock.Now = In2026;
        var imposed = await ImposeAsync(Order(await OffenceAsync()));
        imposed.ExpiresOn.ShouldBe(Statutory);
        await CasesApp.UntilAsync(async () => (await EventsAsync(imposed.Id)).Any(e => e.Type == "sanction_expired"), "the service to record the expiry");
        return imposed;
    }

    [Fact]
    public async Task an_early_lifting_dated_while_it_was_in_force_retracts_the_expiry_the_service_recorded()
    {
        var imposed = await ImposedAndExpiredAsync();

        var lifted = await SanctionCommandAsync(imposed.Id, "lifting",
            new { expectedVersion = 2, liftedBy = "Chief physician", reason = "Exemplary conduct", liftedOn = "2022-01-15" });

        lifted.Version.ShouldBe(4);
        var history = await EventsAsync(imposed.Id);
        history.Select(e => e.Type).ShouldBe(["sanction_imposed", "sanction_expired", "sanction_expiry_retracted", "sanction_lifted"]);
        var sanction = await SanctionAsync(imposed.Id);
        (sanction.Status, sanction.EndedOn, sanction.ExpiresOn).ShouldBe((SanctionStatus.Lifted, (DateOnly?)new DateOnly(2022, 1, 15), (DateOnly?)Statutory));
        var record = await HistoryAsync();
        (record.Sanctions.Single().Status, record.Sanctions.Single().EndedOn).ShouldBe((SanctionStatus.Lifted, (DateOnly?)new DateOnly(2022, 1, 15)));
        record.HasActiveSanction.ShouldBeFalse();
        (await GetAsync<DueItem[]>("/api/deadlines?days=366", HrToken)).ShouldNotContain(d => d.StreamId == imposed.Id);
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/lifting", new { expectedVersion = 4, liftedBy = "x", reason = "again", liftedOn = "2022-01-10" }, 409, HrToken))
            .Rule.ShouldBe("sanction-already-lifted");
    }

    [Fact]
    public async Task a_lifting_dated_after_its_period_is_refused_whether_or_not_the_expiry_was_recorded()
    {
        var imposed = await ImposedAndExpiredAsync();
        var events = await App.CountAllEventsAsync();

        var refused = await RefusedAsync($"/api/sanctions/{imposed.Id}/lifting",
            new { expectedVersion = 2, liftedBy = "Director", reason = "Merit", liftedOn = "2022-05-11" }, 409, HrToken);

        refused.Rule.ShouldBe("sanction-not-in-force");
        refused.Detail.ShouldNotBeNull().ShouldContain("2022-05-10");
        refused.Detail.ShouldContain("66(4)");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task an_absence_recorded_after_the_imposition_does_not_move_the_expiry()
    {
        var imposed = await ImposedAndExpiredAsync();

        await AbsenceAsync("sick-leave", "2022-01-10", "2022-01-30");
        await AbsenceAsync("rotation-rest", "2022-02-01", "2022-02-14");

        (await EventsAsync(imposed.Id)).Select(e => e.Type).ShouldBe(["sanction_imposed", "sanction_expired"]);
        var sanction = await SanctionAsync(imposed.Id);
        (sanction.Status, sanction.ExpiresOn, sanction.EndedOn).ShouldBe((SanctionStatus.Expired, (DateOnly?)Statutory, (DateOnly?)Statutory));
    }

    [Fact]
    public async Task the_kinds_of_absence_the_code_names_bar_the_order_or_only_suspend_its_limits()
    {
        App.Clock.Now = In2026;
        var caseId = await OffenceAsync();
        await AbsenceAsync("state-or-public-duties", "2021-11-15", "2021-11-16");
        // Discovered 1 October: a month to 1 November, and ten days of training in October suspend it to 11 November.
        await AbsenceAsync("training", "2021-10-11", "2021-10-20");

        var barred = await RefusedAsync("/api/sanctions", Order(caseId, orderDate: "2021-11-15", committed: "2021-09-20", discovered: "2021-10-01"), 409, HrToken);
        barred.Rule.ShouldBe("employee-absent");
        barred.Detail.ShouldNotBeNull().ShouldContain("65(4)(2)");
        (await RefusedAsync("/api/sanctions", Order(caseId, orderDate: "2021-11-12", committed: "2021-09-20", discovered: "2021-10-01"), 409, HrToken))
            .Rule.ShouldBe("imposition-too-late-after-discovery");
        await ImposeAsync(Order(caseId, orderDate: "2021-11-11", committed: "2021-09-20", discovered: "2021-10-01"));
        (await HistoryAsync()).Absences.Select(a => a.Kind).ShouldBe([AbsenceKind.StateOrPublicDuties, AbsenceKind.Training]);
    }

    [Fact]
    public async Task an_offence_an_audit_established_may_be_sanctioned_within_a_year()
    {
        App.Clock.Now = In2026;
        var caseId = await OffenceAsync();
        var order = new
        {
            personnelNumber = Employee, caseId, type = "remark", orderNumber = "9-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-02-01", offenceDiscoveredOn = "2021-11-01", establishedByAudit = false
        };

        (await RefusedAsync("/api/sanctions", order, 409, HrToken)).Rule.ShouldBe("imposition-too-late-after-offence");
        (await RefusedAsync("/api/sanctions", order with { offenceCommittedOn = "2020-11-09", establishedByAudit = true }, 409, HrToken))
            .Detail.ShouldNotBeNull().ShouldContain("until 2021-11-09");
        var imposed = await ImposeAsync(order with { establishedByAudit = true });

        (await SanctionAsync(imposed.Id)).EstablishedByAudit.ShouldBeTrue();
    }

    [Fact]
    public async Task an_order_sent_by_registered_letter_is_shown_so_and_never_also_refused_in_person()
    {
        // Entered after its period ended, the order expires by the service's own hand: the announcement is sent on the
        // version that follows, not in a race with it.
        var imposed = await ImposedAndExpiredAsync();

        (await RefusedAsync($"/api/sanctions/{imposed.Id}/announcement",
                new { expectedVersion = 1, announcedOn = "2021-11-12", signatureRefused = true, byRegisteredLetter = true }, 400, HrToken))
            .Errors!.Keys.ShouldBe(["byRegisteredLetter"]);
        await PostAsync<Written>($"/api/sanctions/{imposed.Id}/announcement",
            new { expectedVersion = (await SanctionAsync(imposed.Id)).Version, announcedOn = "2021-11-12", byRegisteredLetter = true }, HrToken);

        var sanction = await SanctionAsync(imposed.Id);
        (sanction.ByRegisteredLetter, sanction.SignatureRefused, sanction.AnnouncedInTime).ShouldBe((true, false, (bool?)true));
    }
}

/// <summary>
/// Sanctions stored before the upgrade, whose periods absences moved (<see cref="SanctionExpiryMoved"/> appended as the
/// former service did), mended by the operator's restatement run.
/// </summary>
public class when_restating_periods_absences_moved(SanctionApiApp app) : SanctionApiTests(app)
{
    private static readonly DateOnly Statutory = new(2022, 5, 11);
    private static readonly DateOnly Moved = new(2022, 6, 1);

    private SanctionPeriodRestatement Restatement => App.Host.Services.GetRequiredService<SanctionPeriodRestatement>();

    private Task<RecordedEvent[]> EventsAsync(Guid sanctionId) => GetAsync<RecordedEvent[]>($"/api/sanctions/{sanctionId}/history", App.Token(Org, Roles.Auditor));

    /// <summary>Imposed on 10 November 2021, then moved to 1 June 2022 (and, if given, expired then) as the former service recorded it.</summary>
    private async Task<Guid> OldStyleAsync(bool expiredLate = false)
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync()));
        await using var session = App.Store.LightweightSession(Org);
        // The store takes an expiry only from the service; old data's attribution is not what this test is about.
        ServiceIdentity.Stamp(session, "former-service");
        session.Events.Append(imposed.Id, new SanctionExpiryMoved(imposed.Id, Employee, Moved));
        if (expiredLate) session.Events.Append(imposed.Id, new SanctionExpired(imposed.Id, Employee, Moved));
        await session.SaveChangesAsync();
        (await SanctionAsync(imposed.Id)).ExpiresOn.ShouldBe(Moved);
        return imposed.Id;
    }

    [Fact]
    public async Task a_sanction_still_active_past_its_restated_day_is_restated_and_expired_on_it_once()
    {
        var id = await OldStyleAsync();
        App.Clock.Now = new DateTimeOffset(2022, 5, 20, 9, 0, 0, TimeSpan.Zero);
        (await SanctionAsync(id)).Status.ShouldBe(SanctionStatus.Active);

        var run = await Restatement.RunAsync(Org, CancellationToken.None);

        run.ShouldBe(new RestatedPeriods(Org, 1, 1, 0));
        var events = await EventsAsync(id);
        events.Select(e => e.Type).ShouldBe(["sanction_imposed", "sanction_expiry_moved", "sanction_period_restated", "sanction_expired"]);
        events[2].User.ShouldBe(ServiceIdentity.UserName);
        var sanction = await SanctionAsync(id);
        (sanction.Status, sanction.ExpiresOn, sanction.EndedOn).ShouldBe((SanctionStatus.Expired, (DateOnly?)Statutory, (DateOnly?)Statutory));
        (await HistoryAsync()).Sanctions.Single().ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(SanctionStatus.Expired), s => s.EndedOn.ShouldBe(Statutory), s => s.ExpiresOn.ShouldBe(Statutory));

        var count = await App.CountAllEventsAsync();
        (await Restatement.RunAsync(Org, CancellationToken.None)).ShouldBe(new RestatedPeriods(Org, 0, 0, 0));
        (await App.CountAllEventsAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task a_sanction_that_expired_later_than_it_should_ends_on_the_restated_day()
    {
        var id = await OldStyleAsync(expiredLate: true);
        App.Clock.Now = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

        (await Restatement.RunAsync(Org, CancellationToken.None)).ShouldBe(new RestatedPeriods(Org, 1, 0, 0));

        (await EventsAsync(id)).Select(e => e.Type).ShouldBe(["sanction_imposed", "sanction_expiry_moved", "sanction_expired", "sanction_period_restated"]);
        var sanction = await SanctionAsync(id);
        (sanction.Status, sanction.EndedOn).ShouldBe((SanctionStatus.Expired, (DateOnly?)Statutory));
        (await HistoryAsync()).Sanctions.Single().EndedOn.ShouldBe(Statutory);
    }

    [Fact]
    public async Task a_sanction_whose_restated_day_is_ahead_expires_on_it_by_itself()
    {
        var id = await OldStyleAsync();
        // Its imposition knew absences that moved its end already: no expiry of the service waits for the statutory day.
        await App.ScalarAsync($"delete from {App.Schema}.wolverine_incoming_envelopes");
        App.Clock.Now = new DateTimeOffset(2022, 5, 10, 23, 59, 58, TimeSpan.FromHours(6));

        (await Restatement.RunAsync(Org, CancellationToken.None)).ShouldBe(new RestatedPeriods(Org, 1, 0, 1));
        (await SanctionAsync(id)).Status.ShouldBe(SanctionStatus.Active);
        // Scheduled for the first moment of the restated day, two seconds ahead.
        ((long)(await App.ScalarAsync($"select count(*) from {App.Schema}.wolverine_incoming_envelopes where execution_time < now() + interval '1 minute'"))!)
            .ShouldBe(1);
        (await GetAsync<DueItem[]>("/api/deadlines?days=366", HrToken)).Single(d => d.Kind == DeadlineKind.SanctionExpiry).DueOn.ShouldBe(Statutory);

        App.Clock.Now = new DateTimeOffset(2022, 5, 11, 0, 0, 1, TimeSpan.FromHours(6));
        var expired = await EventuallyAsync(() => SanctionAsync(id), s => s.Status == SanctionStatus.Expired);
        expired.EndedOn.ShouldBe(Statutory);
    }
}
