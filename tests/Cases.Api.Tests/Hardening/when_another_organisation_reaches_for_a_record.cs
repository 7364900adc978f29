using Cases.Api.Infrastructure;
using Cases.Api.Statistics;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// Every kind of record of one organisation is, to another organisation's users in the very roles that may read or
/// change it at home, as if it did not exist: 404 on reads and writes, absent from lists, and nothing written.
/// </summary>
public class when_another_organisation_reaches_for_a_record(MeetingApiApp app) : MeetingApiTests(app)
{
    private string Stranger(string role) => App.Token(OtherOrg, role);

    [Fact]
    public async Task reads_of_each_kind_of_record_are_404()
    {
        var estate = await EveryKindOfRecordAsync();

        (string Url, string Role)[] reads =
        [
            ($"/api/cases/{estate.CaseId}", Roles.Registrar),
            ($"/api/cases/{estate.CaseId}/complainant", Roles.Investigator),
            ($"/api/cases/{estate.CaseId}/history", Roles.Auditor),
            ($"/api/cases/{estate.CaseId}/as-of?version=1", Roles.Auditor),
            ($"/api/commissions/{estate.CommissionId}", Roles.Secretary),
            ($"/api/meetings/{estate.MeetingId}", Roles.Member),
            ($"/api/meetings/{estate.MeetingId}/history", Roles.Auditor),
            ($"/api/decisions/{estate.DecisionId}", Roles.Hr),
            ($"/api/sanctions/{estate.SanctionId}", Roles.Hr),
            ($"/api/sanctions/{estate.SanctionId}/history", Roles.Auditor),
            ($"/api/contacts/{estate.ContactId}", Roles.Registrar)
        ];
        foreach (var (url, role) in reads)
        {
            await CallAsync("GET", url, null, Stranger(role), 404);
            await CallAsync("GET", url, null, App.Token(Org, role), 200);
        }
    }

    [Fact]
    public async Task writes_to_each_kind_of_record_are_404_and_change_nothing()
    {
        var estate = await EveryKindOfRecordAsync();
        var events = await App.CountAllEventsAsync();

        (string Url, string Role, object Body)[] writes =
        [
            ($"/api/cases/{estate.CaseId}/closure", Roles.Investigator, new { expectedVersion = 1, outcome = "withdrawn", summary = "Taken over" }),
            ($"/api/commissions/{estate.CommissionId}/releases", Roles.Secretary, new { expectedVersion = 1, personnelNumber = Chair }),
            ($"/api/meetings/{estate.MeetingId}/cancellation", Roles.Secretary, new { expectedVersion = 1, reason = "Taken over" }),
            ($"/api/decisions/{estate.DecisionId}/extension-requests", Roles.Secretary, new { expectedVersion = 1, proposedDueDate = "2022-01-31", reason = "More time" }),
            ($"/api/sanctions/{estate.SanctionId}/lifting", Roles.Hr, new { expectedVersion = 1, liftedBy = "Stranger", reason = "Taken over" })
        ];
        foreach (var (url, role, body) in writes) await CallAsync("POST", url, body, Stranger(role), 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task lists_reports_and_the_audit_trail_show_none_of_them()
    {
        var estate = await EveryKindOfRecordAsync();
        await App.ProjectionsCaughtUpAsync();
        var ids = new[] { estate.CaseId, estate.CommissionId, estate.MeetingId, estate.DecisionId, estate.SanctionId, estate.ContactId }
            .Select(id => id.ToString()).ToArray();

        (string Url, string Role)[] lists =
        [
            ("/api/cases", Roles.Registrar), ("/api/commissions", Roles.Secretary), ("/api/meetings", Roles.Secretary),
            ("/api/decisions", Roles.Secretary), ("/api/decisions/open-by-executor", Roles.Secretary), ("/api/sanctions", Roles.Hr),
            ("/api/deadlines?days=365", Roles.Hr), ("/api/audit?pageSize=500", Roles.Auditor), ("/api/audit/export?format=ndjson", Roles.Auditor),
            ("/api/audit/chain/export", Roles.Auditor), ("/api/calendar", Roles.Hr),
            // The same personnel number there is another person: their record holds only their own case.
            ($"/api/employees/{CaseSubject}", Roles.Hr)
        ];
        foreach (var (url, role) in lists)
        {
            var text = await (await CallAsync("GET", url, null, Stranger(role), 200)).ReadAsTextAsync();
            foreach (var id in ids) text.ShouldNotContain(id, Case.Insensitive, $"{url} shows {id}");
        }
        // The other organisation registered one case of its own, and nothing else.
        var theirs = (await GetAsync<StatisticsReport>("/api/statistics?from=2021-01-01&to=2021-12-31", Stranger(Roles.Analyst))).Total;
        (theirs.Appeals, theirs.Contacts, theirs.MeetingsHeld, theirs.DecisionsAdopted, theirs.Sanctions).ShouldBe((1, 0, 0, 0, 0));
    }
}
