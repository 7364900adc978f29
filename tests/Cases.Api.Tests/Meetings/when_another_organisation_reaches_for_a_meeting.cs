using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Meetings;

/// <summary>
/// A secretary of another organisation, with requests that would succeed at home, finds none of this one's
/// commissions, meetings or decisions.
/// </summary>
public class when_another_organisation_reaches_for_a_meeting(MeetingApiApp app) : MeetingApiTests(app)
{
    [Fact]
    public async Task every_commission_meeting_and_decision_request_is_404_and_changes_nothing()
    {
        var caseId = await ReferredCaseAsync();
        var commissionId = await CommissionAsync();
        var (meetingId, version) = await OpenMeetingAsync(commissionId, Voters, new { caseId });
        var decisionId = (await AdoptedDecisionAsync(commissionId: commissionId)).DecisionId!.Value;
        var requested = await DecisionCommandAsync(decisionId, "extension-requests", new { expectedVersion = 1, proposedDueDate = "2022-01-15", reason = "Holidays" });
        var events = await App.CountAllEventsAsync();

        (string Method, string Url, object? Body)[] requests =
        [
            ("POST", $"/api/commissions/{commissionId}/appointments",
                new { expectedVersion = 7, personnelNumber = "M-9", fullName = "New member", role = "member", from = "2021-06-01" }),
            ("POST", $"/api/commissions/{commissionId}/releases", new { expectedVersion = 7, personnelNumber = "M-5", until = "2021-06-30" }),
            ("GET", $"/api/commissions/{commissionId}", null),
            ("POST", $"/api/meetings/{meetingId}/rescheduling", new { expectedVersion = version, scheduledFor = "2021-11-16T10:00:00+06:00", reason = "Chair is ill" }),
            ("POST", $"/api/meetings/{meetingId}/cancellation", new { expectedVersion = version, reason = "No agenda" }),
            ("POST", $"/api/meetings/{meetingId}/attendance", new { expectedVersion = version, present = Voters }),
            ("POST", $"/api/meetings/{meetingId}/opening", new { expectedVersion = version }),
            ("POST", $"/api/meetings/{meetingId}/conflicts",
                new { expectedVersion = version, itemNumber = 1, personnelNumber = "M-2", ground = "found", reason = "Relative" }),
            ("POST", $"/api/meetings/{meetingId}/votes",
                new { expectedVersion = version, itemNumber = 1, votes = new[] { new { personnelNumber = Chair, vote = "for" } } }),
            ("POST", $"/api/meetings/{meetingId}/resolutions", Proposal(version)),
            ("POST", $"/api/meetings/{meetingId}/signature", new { expectedVersion = version }),
            ("POST", $"/api/meetings/{meetingId}/corrections", new { expectedVersion = version, correction = "Typo in item 1" }),
            ("GET", $"/api/meetings/{meetingId}", null),
            ("POST", $"/api/decisions/{decisionId}/execution-reports",
                new { expectedVersion = requested.Version, progress = "executed", report = "Done", evidence = new[] { "Order No. 1" } }),
            ("POST", $"/api/decisions/{decisionId}/extension-requests", new { expectedVersion = requested.Version, proposedDueDate = "2022-01-31", reason = "More" }),
            ("POST", $"/api/decisions/{decisionId}/extension-grant", new { expectedVersion = requested.Version }),
            ("POST", $"/api/decisions/{decisionId}/extension-refusal", new { expectedVersion = requested.Version, reason = "No" }),
            ("GET", $"/api/decisions/{decisionId}", null),
            ("GET", $"/api/cases/{caseId}/decisions", null),
        ];
        foreach (var (method, url, body) in requests) await CallAsync(method, url, body, App.Token(OtherOrg, Roles.Secretary), 404);

        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await MeetingAsync(meetingId)).StreamVersion.ShouldBe(version);
    }
}
