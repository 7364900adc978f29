using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Operations;

/// <summary>
/// What a command on an existing stream costs the database, counted by Npgsql's own tracing: the round trips of one
/// representative command of each area, and the same cost for a stream's 200th command as for its 2nd.
/// </summary>
public class when_counting_round_trips(MeetingApiApp app, ITestOutputHelper output) : MeetingApiTests(app)
{
    private string Hr => App.Token(Org, Roles.Hr);

    private async Task<DatabaseCost> CostAsync(string url, object body, string token)
    {
        var (cost, _) = await DatabaseCommands.OfAsync(App.Host, s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        output.WriteLine($"POST {url}: {cost}");
        return cost;
    }

    private static object Evidence(long version, int n) => new
    {
        expectedVersion = version, fileName = $"statement-{n}.pdf", mediaType = "application/pdf", sizeBytes = 1024,
        sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n))),
        description = $"Statement of witness {n}"
    };

    [Fact]
    public async Task attaching_evidence_to_a_case()
    {
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);

        var cost = await CostAsync($"/api/cases/{caseId}/evidence", Evidence(version, 1), Investigator);

        cost.RoundTrips.ShouldBe(3);
        cost.ReadsEvents.ShouldBeFalse();
    }

    [Fact]
    public async Task recording_attendance_at_a_meeting()
    {
        var meeting = await ScheduleAsync(await CommissionAsync(), new { caseId = await ReferredCaseAsync() });

        var cost = await CostAsync($"/api/meetings/{meeting.Id}/attendance", new { expectedVersion = meeting.Version, present = Voters }, SecretaryToken);

        // The commission and the agenda's case (whom its members must recuse) are read with the meeting, from snapshots.
        cost.RoundTrips.ShouldBe(3);
        cost.ReadsEvents.ShouldBeFalse();
    }

    [Fact]
    public async Task reporting_a_decisions_execution()
    {
        var adopted = await AdoptedDecisionAsync();

        var cost = await CostAsync($"/api/decisions/{adopted.DecisionId}/execution-reports",
            new { expectedVersion = 1, progress = "partially-executed", report = "Half done", evidence = Array.Empty<string>() }, SecretaryToken);

        cost.RoundTrips.ShouldBe(3);
        cost.ReadsEvents.ShouldBeFalse();
    }

    [Fact]
    public async Task announcing_a_sanction()
    {
        var sanction = await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = CaseSubject, caseId = await ReferredCaseAsync(), type = "remark", orderNumber = "7-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, Hr, 201);

        var cost = await CostAsync($"/api/sanctions/{sanction.Id}/announcement", new { expectedVersion = sanction.Version }, Hr);

        cost.RoundTrips.ShouldBe(3);
        cost.ReadsEvents.ShouldBeFalse();
    }

    [Fact]
    public async Task recording_an_absence()
    {
        var first = await PostAsync<Written>($"/api/employees/{CaseSubject}/absences", new { expectedVersion = 0, kind = "vacation", from = "2021-07-01", to = "2021-07-10" }, Hr);

        var cost = await CostAsync($"/api/employees/{CaseSubject}/absences", new { expectedVersion = first.Version, kind = "vacation", from = "2021-08-01", to = "2021-08-10" }, Hr);

        cost.RoundTrips.ShouldBe(3);
        cost.ReadsEvents.ShouldBeFalse();
    }

    [Fact]
    public async Task the_200th_command_on_a_case_costs_what_the_2nd_does()
    {
        var created = await RegisterAsync();
        var version = created.Version;
        DatabaseCost? second = null;
        for (var n = 2; n <= 200; n++)
        {
            if (n is 2 or 200)
            {
                var cost = await CostAsync($"/api/cases/{created.Id}/evidence", Evidence(version, n), Investigator);
                if (n == 2) second = cost;
                else
                {
                    cost.Commands.ShouldBe(second!.Commands);
                    cost.ReadsEvents.ShouldBeFalse();
                }
                version++;
            }
            else version = (await PostAsync<EvidenceWritten>($"/api/cases/{created.Id}/evidence", Evidence(version, n), Investigator)).Version;
        }
    }
}
