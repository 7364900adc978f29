using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Tests.Sanctions;

public class when_a_sanction_runs_its_course(SanctionApiApp app) : SanctionApiTests(app)
{
    private static readonly DateTimeOffset LastMomentBeforeExpiry = new(2021, 11, 15, 23, 59, 58, TimeSpan.FromHours(6));
    private static readonly DateTimeOffset ExpiryDay = new(2021, 11, 16, 0, 0, 1, TimeSpan.FromHours(6));

    private Task<SanctionSummary> EventuallyAsync(Guid sanctionId, SanctionStatus status) =>
        EventuallyAsync(() => SanctionAsync(sanctionId), found => found.Status == status);

    [Fact]
    public async Task an_announcement_due_on_a_friday_before_a_holiday_moves_past_it()
    {
        // Wednesday 3 November; Monday 8 November a holiday: Thursday, Friday and Tuesday are the three working days.
        await PublishCalendarAsync(2021, ["2021-11-08"]);
        var caseId = await OffenceAsync();

        var imposed = await ImposeAsync(Order(caseId, orderDate: "2021-11-03", committed: "2021-10-20", discovered: "2021-10-25"));

        imposed.AnnounceBy.ShouldBe(new DateOnly(2021, 11, 9));
        await SanctionCommandAsync(imposed.Id, "announcement", new { expectedVersion = 1, announcedOn = "2021-11-10", signatureRefused = true });
        var sanction = await SanctionAsync(imposed.Id);
        sanction.AnnouncedOn.ShouldBe(new DateOnly(2021, 11, 10));
        sanction.AnnouncedInTime.ShouldBe(false);
        sanction.SignatureRefused.ShouldBeTrue();
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/announcement", new { expectedVersion = 2 }, 409, HrToken)).Rule.ShouldBe("sanction-already-announced");
    }

    [Fact]
    public async Task an_absence_recorded_after_the_sanction_does_not_move_its_expiry()
    {
        var caseId = await OffenceAsync();
        var imposed = await ImposeAsync(Order(caseId, orderDate: "2021-11-10"));
        imposed.ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));

        await AbsenceAsync("sick-leave", "2021-11-11", "2021-11-20");

        // Art. 66(4): six months from the day it was applied, which no absence extends.
        var sanction = await SanctionAsync(imposed.Id);
        sanction.ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));
        sanction.Version.ShouldBe(1);
        var history = await HistoryAsync();
        history.Sanctions.Single().ExpiresOn.ShouldBe(new DateOnly(2022, 5, 11));
        history.Absences.Single().From.ShouldBe(new DateOnly(2021, 11, 11));
    }

    [Fact]
    public async Task a_dismissal_never_expires_and_is_not_lifted()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), type: "dismissal"));

        imposed.ExpiresOn.ShouldBeNull();
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/lifting", new { expectedVersion = 1, liftedBy = "Director", reason = "Good work" }, 409, HrToken))
            .Rule.ShouldBe("dismissal-not-liftable");
    }

    [Fact]
    public async Task it_expires_on_its_own_at_the_end_of_its_period()
    {
        var caseId = await OffenceAsync();
        App.Clock.Now = LastMomentBeforeExpiry;
        // Ordered on 15 May: in force through 15 November.
        var imposed = await ImposeAsync(Order(caseId, orderDate: "2021-05-15", committed: "2021-05-01", discovered: "2021-05-10"));
        imposed.ExpiresOn.ShouldBe(new DateOnly(2021, 11, 16));
        (await SanctionAsync(imposed.Id)).Status.ShouldBe(SanctionStatus.Active);

        App.Clock.Now = ExpiryDay;

        var expired = await EventuallyAsync(imposed.Id, SanctionStatus.Expired);
        expired.Status.ShouldBe(SanctionStatus.Expired);
        expired.EndedOn.ShouldBe(new DateOnly(2021, 11, 16));
        (await HistoryAsync()).HasActiveSanction.ShouldBeFalse();
    }

    [Fact]
    public async Task it_still_expires_after_the_service_restarts()
    {
        var caseId = await OffenceAsync();
        App.Clock.Now = LastMomentBeforeExpiry;
        var imposed = await ImposeAsync(Order(caseId, orderDate: "2021-05-15", committed: "2021-05-01", discovered: "2021-05-10"));

        await App.RestartAsync();
        App.Clock.Now = ExpiryDay;

        (await EventuallyAsync(imposed.Id, SanctionStatus.Expired)).Status.ShouldBe(SanctionStatus.Expired);
    }

    [Fact]
    public async Task an_appeal_that_overturns_an_active_sanction_voids_it_from_the_start()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync()));
        var version = (await SanctionCommandAsync(imposed.Id, "appeal", new { expectedVersion = 1, authority = "Labour dispute commission" })).Version;
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/appeal", new { expectedVersion = version, authority = "Court" }, 409, HrToken)).Rule.ShouldBe("appeal-pending");

        await SanctionCommandAsync(imposed.Id, "appeal-decision", new { expectedVersion = version, outcome = "overturned" });

        var sanction = await SanctionAsync(imposed.Id);
        sanction.Status.ShouldBe(SanctionStatus.Overturned);
        sanction.EndedOn.ShouldBe(new DateOnly(2021, 11, 10));
        sanction.Appeals.Single().State.ShouldBe(AppealState.Overturned);
        var history = await HistoryAsync();
        history.HasActiveSanction.ShouldBeFalse();
        history.Sanctions.Single().Status.ShouldBe(SanctionStatus.Overturned);
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/lifting", new { expectedVersion = version + 1, liftedBy = "Director", reason = "r" }, 409, HrToken))
            .Rule.ShouldBe("sanction-overturned");
    }

    [Fact]
    public async Task an_upheld_appeal_leaves_the_sanction_in_force()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync()));
        var version = (await SanctionCommandAsync(imposed.Id, "appeal", new { expectedVersion = 1, authority = "Court" })).Version;

        await SanctionCommandAsync(imposed.Id, "appeal-decision", new { expectedVersion = version, outcome = "upheld" });

        (await SanctionAsync(imposed.Id)).Status.ShouldBe(SanctionStatus.Active);
        (await HistoryAsync()).HasActiveSanction.ShouldBeTrue();
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/appeal-decision", new { expectedVersion = version + 1, outcome = "overturned" }, 409, HrToken))
            .Rule.ShouldBe("no-appeal-pending");
    }

    [Fact]
    public async Task sanctions_are_listed_and_an_auditor_replays_each_one()
    {
        var upheld = await ImposeAsync(Order(await OffenceAsync()));
        var version = (await SanctionCommandAsync(upheld.Id, "appeal", new { expectedVersion = 1, authority = "Court" })).Version;
        await SanctionCommandAsync(upheld.Id, "appeal-decision", new { expectedVersion = version, outcome = "upheld" });
        var lifted = await ImposeAsync(Order(await OffenceAsync(), orderNumber: "113-K"));
        await SanctionCommandAsync(lifted.Id, "lifting", new { expectedVersion = 1, liftedBy = "Director", reason = "Merit" });
        var auditor = App.Token(Org, Roles.Auditor);

        (await GetAsync<Paged<SanctionSummary>>($"/api/sanctions?personnelNumber={Employee}", App.Token(Org, Roles.Investigator))).TotalItems.ShouldBe(2);
        (await GetAsync<Paged<SanctionSummary>>("/api/sanctions?status=active", HrToken)).Items.ShouldHaveSingleItem().Id.ShouldBe(upheld.Id);
        var history = await GetAsync<RecordedEvent[]>($"/api/sanctions/{upheld.Id}/history", auditor);
        history.Select(e => e.Type).ShouldBe(["sanction_imposed", "sanction_appealed", "sanction_upheld"]);
        (await GetAsync<SanctionSummary>($"/api/sanctions/{upheld.Id}/as-of?version=2", auditor)).Appeals.Single().State.ShouldBe(AppealState.Pending);
        (await GetAsync<SanctionSummary>($"/api/sanctions/{lifted.Id}/as-of?version=1", auditor)).Status.ShouldBe(SanctionStatus.Active);
    }

    [Fact]
    public async Task an_early_lifting_ends_it_and_says_who_and_why()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync()));

        await SanctionCommandAsync(imposed.Id, "lifting", new { expectedVersion = 1, liftedBy = "Chief physician", reason = "Exemplary conduct", liftedOn = "2021-11-15" });

        var sanction = await SanctionAsync(imposed.Id);
        sanction.Status.ShouldBe(SanctionStatus.Lifted);
        sanction.Lifting!.LiftedBy.ShouldBe("Chief physician");
        sanction.EndedOn.ShouldBe(new DateOnly(2021, 11, 15));
        (await HistoryAsync()).HasActiveSanction.ShouldBeFalse();
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/lifting", new { expectedVersion = 2, liftedBy = "x", reason = "again" }, 409, HrToken))
            .Rule.ShouldBe("sanction-already-lifted");
    }
}
