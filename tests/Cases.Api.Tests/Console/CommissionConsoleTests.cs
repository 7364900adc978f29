using Cases.Api.Commissions;
using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Console;

/// <summary>
/// Base of the commission, meeting and decision pages' tests: a commission of three voting members (quorum two) and a
/// secretary, each member's login their personnel number in lower case, arranged through the API as the meeting tests do.
/// </summary>
public abstract class CommissionConsoleTests(BrowserApp app) : ConsoleTests(app)
{
    protected static readonly string[] Voters = ["M-1", "M-2", "M-3"];
    protected const string Secretary = "S-1";
    protected const string SecretaryUser = "s-1";
    protected const string MeetingTime = "2021-11-15T10:00:00+06:00";

    protected string SecretaryToken => App.Token(Org, Roles.Secretary);

    protected async Task<Guid> CommissionAsync()
    {
        var created = await PostAsync<CommissionEstablishedResponse>("/api/commissions", new
        {
            name = "Disciplinary commission", kind = "disciplinary", establishedOn = "2021-01-04",
            quorum = "more-than-half", majority = "more-than-half-of-present", chairHasCastingVote = false
        }, SecretaryToken, 201);
        var version = created.Version;
        foreach (var (member, role) in Voters.Select((m, i) => (m, i == 0 ? "chair" : "member")).Append((Secretary, "secretary")))
        {
            version = (await PostAsync<Written>($"/api/commissions/{created.Id}/appointments", new
            {
                expectedVersion = version, personnelNumber = member, fullName = $"Member {member}", role, from = "2021-01-04",
                userName = member.ToLowerInvariant(), position = "Head of unit"
            }, SecretaryToken)).Version;
        }
        return created.Id;
    }

    /// <summary>A case about E-1042 referred to a commission.</summary>
    protected async Task<Guid> ReferredCaseAsync() => (await CaseAtAsync(CaseStep.Referred)).Id;

    protected Task<MeetingScheduledResponse> ScheduleAsync(Guid commissionId, params object[] agenda) =>
        PostAsync<MeetingScheduledResponse>("/api/meetings", new
        {
            commissionId, scheduledFor = MeetingTime, place = "Conference room, 3rd floor",
            agenda = agenda.Length == 0 ? [new { question = "Report of the compliance service for 10 months" }] : agenda
        }, SecretaryToken, 201);

    protected async Task<long> MeetingCommandAsync(Guid meetingId, string action, object body) =>
        (await PostAsync<Written>($"/api/meetings/{meetingId}/{action}", body, SecretaryToken)).Version;

    /// <summary>A meeting in session with every voting member present.</summary>
    protected async Task<(Guid Id, long Version)> OpenMeetingAsync(Guid commissionId, params object[] agenda)
    {
        var meeting = await ScheduleAsync(commissionId, agenda);
        var version = await MeetingCommandAsync(meeting.Id, "attendance", new { expectedVersion = meeting.Version, present = Voters });
        return (meeting.Id, await MeetingCommandAsync(meeting.Id, "opening", new { expectedVersion = version }));
    }

    /// <summary>A meeting in session with every voting member present, its items voted for unanimously.</summary>
    protected async Task<(Guid Id, long Version)> VotedMeetingAsync(Guid commissionId, params object[] agenda)
    {
        var (meetingId, version) = await OpenMeetingAsync(commissionId, agenda);
        for (var item = 1; item <= Math.Max(agenda.Length, 1); item++)
        {
            version = await MeetingCommandAsync(meetingId, "votes", new
            {
                expectedVersion = version, itemNumber = item, votes = Voters.Select(v => new { personnelNumber = v, vote = "for" }).ToArray()
            });
        }
        return (meetingId, version);
    }

    protected Task<ItemResolvedResponse> ResolveAsync(Guid meetingId, long version, int item, string dueDate, string executor = "Surgery") =>
        PostAsync<ItemResolvedResponse>($"/api/meetings/{meetingId}/resolutions", new
        {
            expectedVersion = version, itemNumber = item, kind = "instruction", text = "Hold a staff meeting on patient communication",
            executor = new { kind = "unit", name = executor }, dueDate
        }, SecretaryToken);

    protected Task<DecisionSummary> DecisionAsync(Guid decisionId) => GetAsync<DecisionSummary>($"/api/decisions/{decisionId}", SecretaryToken);
}
