using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Tests.Tenancy;

/// <summary>
/// The regional commission (pavlodar-region, on the second database) instructs the centre (nroc, on the first): the
/// instruction reaches the centre's database by a message, and the centre's report comes back to the decision by another.
/// </summary>
[Collection(TenancyApiCollection.Name)]
public class when_a_regional_commission_instructs_across_databases(TenancyApiApp app) : MeetingApiTests<TenancyApiApp>(app)
{
    protected override string CommissionOrg => OtherOrg;

    private const string Centre = "the National Research Oncology Center (NROC)";

    [Fact]
    public async Task the_instruction_and_the_report_cross_and_no_message_is_left_pending()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, Voters.Select(v => (v, "for")).ToArray());
        var decisionId = (await ResolveAsync(meetingId, new
        {
            expectedVersion = version, itemNumber = 1, kind = "instruction", text = "Hold a seminar on anti-corruption culture",
            executor = new { kind = "unit", name = Centre, organisation = Org },
            term = new { kind = "half-year", year = 2022, part = 1 },
            addressees = new[] { new { kind = "unit", name = Centre, organisation = Org } }
        })).DecisionId!.Value;

        var centreSecretary = App.Token(Org, Roles.Secretary);
        var received = (await EventuallyAsync(() => GetAsync<Paged<InstructionSummary>>("/api/instructions", centreSecretary), p => p.Items.Count > 0))
            .Items.Single();
        received.DecisionId.ShouldBe(decisionId);
        await PostAsync<Written>($"/api/instructions/{received.Id}/execution", new
        {
            expectedVersion = 1, progress = "executed", report = "Seminar held", evidence = new[] { "Order No. 12" }, reportedOn = "2021-11-15"
        }, centreSecretary);

        var decision = await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Reports.Count == 1);
        decision.Status.ShouldBe(DecisionStatus.Executed);
        (await App.ScalarOnAsync(App.ConnectionString, $"select count(*) from {App.Schema}.mt_events where type = 'instruction_received' and tenant_id = '{Org}'"))
            .ShouldBe(1L);
        (await App.ScalarOnAsync(App.SecondConnectionString, $"select count(*) from {App.Schema}.mt_events where type = 'execution_reported' and tenant_id = '{OtherOrg}'"))
            .ShouldBe(1L);
        // Each message is marked handled, whichever database it was stored in: none is left to be handled again.
        foreach (var (name, database) in App.Databases)
        {
            await CasesApp.UntilAsync(async () => (long)(await App.ScalarOnAsync(database,
                    $"select count(*) from {App.Schema}.wolverine_incoming_envelopes where status = 'Incoming'"))! == 0,
                $"every message stored in database {name} to be handled");
        }
    }
}
