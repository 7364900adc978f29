using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Sanctions;

/// <summary>HR of another organisation, with requests that would succeed at home, finds none of this one's records.</summary>
public class when_another_organisation_reaches_for_a_sanction(SanctionApiApp app) : SanctionApiTests(app)
{
    private string StrangerHr => App.Token(OtherOrg, Roles.Hr);

    [Fact]
    public async Task every_sanction_and_employee_record_request_is_404_and_changes_nothing()
    {
        var sanctionId = (await ImposeAsync(Order(await OffenceAsync()))).Id;
        var recorded = await AbsenceAsync("vacation", "2021-07-01", "2021-07-14");
        var absenceId = (await HistoryAsync()).Absences.Single().Id;
        var events = await App.CountAllEventsAsync();

        (string Method, string Url, object? Body)[] requests =
        [
            ("POST", $"/api/sanctions/{sanctionId}/announcement", new { expectedVersion = 1 }),
            ("POST", $"/api/sanctions/{sanctionId}/appeal", new { expectedVersion = 1, authority = "Court" }),
            ("POST", $"/api/sanctions/{sanctionId}/appeal-decision", new { expectedVersion = 1, outcome = "overturned" }),
            ("POST", $"/api/sanctions/{sanctionId}/lifting", new { expectedVersion = 1, liftedBy = "Director", reason = "Merit" }),
            ("GET", $"/api/sanctions/{sanctionId}", null),
            ("POST", $"/api/employees/{Employee}/absence-cancellations", new { expectedVersion = recorded.Version, absenceId, reason = "Recorded in error" }),
            ("GET", $"/api/employees/{Employee}", null),
        ];
        foreach (var (method, url, body) in requests) await CallAsync(method, url, body, StrangerHr, 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await SanctionAsync(sanctionId)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task it_cannot_sanction_for_a_case_it_does_not_have()
    {
        var caseId = await OffenceAsync();
        var events = await App.CountAllEventsAsync();

        await CallAsync("POST", "/api/sanctions", Order(caseId), StrangerHr, 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await GetAsync<Paged<Projections.Sanctions.SanctionSummary>>("/api/sanctions", StrangerHr)).Items.ShouldBeEmpty();
    }
}
