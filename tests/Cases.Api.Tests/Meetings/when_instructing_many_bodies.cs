using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cases.Api.Tests.Meetings;

/// <summary>
/// The regional commission (pavlodar-region, which oversees nroc) instructs its own departments jointly and every
/// organisation it oversees "in the first half of 2022" (seed 001). Each body reports apart: the departments through
/// the commission's secretary, the centre in its own organisation, whose report reaches the decision by a message.
/// </summary>
public class when_instructing_many_bodies(MeetingApiApp app) : MeetingApiTests(app)
{
    protected override string CommissionOrg => OtherOrg;

    private string CentreSecretary => App.Token(Org, Roles.Secretary);

    private const string Education = "Regional education department";
    private const string Youth = "Regional youth policy department";
    private const string Centre = "the National Research Oncology Center (NROC)";

    /// <summary>To the two departments and the centre; <paramref name="allOverseen"/> adds every organisation the region oversees.</summary>
    private static object Instruction(long version, object? term = null, object[]? addressees = null, bool allOverseen = false) => new
    {
        expectedVersion = version,
        itemNumber = 1,
        kind = "instruction",
        text = "Hear the reports of akims on the anti-corruption work in their cities and districts",
        executor = new { kind = "unit", name = Education },
        term = term ?? new { kind = "half-year", year = 2022, part = 1 },
        addressees = addressees ?? [new { kind = "unit", name = Education }, new { kind = "unit", name = Youth }, new { kind = "unit", name = Centre, organisation = Org }],
        allOverseen
    };

    private async Task<(Guid MeetingId, long Version)> VotedAsync()
    {
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        return (meetingId, await VoteAsync(meetingId, version, 1, Voters.Select(v => (v, "for")).ToArray()));
    }

    private async Task<Guid> InstructedAsync(object? term = null)
    {
        var (meetingId, version) = await VotedAsync();
        return (await ResolveAsync(meetingId, Instruction(version, term))).DecisionId!.Value;
    }

    private async Task<InstructionSummary> ReceivedAsync()
    {
        var received = await EventuallyAsync(() => GetAsync<Paged<InstructionSummary>>("/api/instructions", CentreSecretary), p => p.Items.Count > 0);
        return received.Items.Single();
    }

    private Task<Written> ReportAsync(Guid decisionId, long version, string by, string reportedOn = "2022-06-20") =>
        DecisionCommandAsync(decisionId, "execution-reports", new
        {
            expectedVersion = version, progress = "executed", report = "Reports heard", evidence = new[] { "Minutes No. 4" }, reportedOn,
            by = new { kind = "unit", name = by }
        });

    [Fact]
    public async Task each_body_reports_apart_and_the_centre_sees_only_what_is_addressed_to_it()
    {
        var decisionId = await InstructedAsync();

        var decision = await DecisionAsync(decisionId);
        decision.DueDate.ShouldBe(new DateOnly(2022, 6, 30));
        decision.Term.ShouldBe(Term.InHalfYear(2022, 1));
        decision.Addressees.Select(a => (a.Addressee.Name, a.Addressee.Organisation, a.Status))
            .ShouldBe([(Education, null, DecisionStatus.Open), (Youth, null, DecisionStatus.Open), (Centre, Org, DecisionStatus.Open)]);

        var received = await ReceivedAsync();
        received.ShouldSatisfyAllConditions(
            i => i.DecisionId.ShouldBe(decisionId),
            i => i.FromOrganisation.ShouldBe(OtherOrg),
            i => i.ProtocolNumber.ShouldBe(decision.ProtocolNumber),
            i => i.DueDate.ShouldBe(new DateOnly(2022, 6, 30)),
            i => i.Addressees.Single().Addressee.ShouldBe(new Executor(ExecutorKind.Unit, Centre, Org)));
        (await GetAsync<InstructionSummary>($"/api/instructions/{received.Id}", CentreSecretary)).Text.ShouldBe(decision.Text);
        await RefusedAsync($"/api/decisions/{decisionId}", null, 404, CentreSecretary);
        await RefusedAsync($"/api/instructions/{received.Id}", null, 404, SecretaryToken);

        var reported = await PostAsync<Written>($"/api/instructions/{received.Id}/execution", new
        {
            expectedVersion = 1, progress = "executed", report = "Seminar on anti-corruption culture held", evidence = new[] { "Order No. 12" },
            reportedOn = "2021-11-15"
        }, CentreSecretary);
        reported.Version.ShouldBe(2);

        decision = await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Addressees[2].Status == DecisionStatus.Executed);
        decision.Status.ShouldBe(DecisionStatus.PartiallyExecuted);
        decision.IsExecuted.ShouldBeFalse();
        decision.Reports.Single().By.ShouldBe(new Executor(ExecutorKind.Unit, Centre, Org));

        App.Clock.Now = new DateTimeOffset(2022, 6, 25, 12, 0, 0, TimeSpan.FromHours(6));
        var version = (await ReportAsync(decisionId, decision.Version, Education)).Version;
        (await RefusedAsync($"/api/decisions/{decisionId}/execution-reports", new
        {
            expectedVersion = version, progress = "executed", report = "Done", evidence = new[] { "Order" }
        }, 409, SecretaryToken)).Rule.ShouldBe("not-an-addressee");
        await ReportAsync(decisionId, version, Youth);

        decision = await DecisionAsync(decisionId);
        decision.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DecisionStatus.Executed),
            d => d.ExecutedOn.ShouldBe(new DateOnly(2022, 6, 20)),
            d => d.Addressees.ShouldAllBe(a => a.Status == DecisionStatus.Executed && a.ExecutedOnTime == true));
        (await GetAsync<InstructionSummary>($"/api/instructions/{received.Id}", CentreSecretary)).IsExecuted.ShouldBeTrue();
    }

    [Fact]
    public async Task a_redelivered_message_appends_nothing_and_the_service_records_the_forwarded_report()
    {
        var decisionId = await InstructedAsync();
        var received = await ReceivedAsync();
        await PostAsync<Written>($"/api/instructions/{received.Id}/execution", new
        {
            expectedVersion = 1, progress = "partially-executed", report = "Half of the akims heard", evidence = Array.Empty<string>()
        }, CentreSecretary);
        var decision = await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Reports.Count == 1);
        var report = (await GetAsync<InstructionSummary>($"/api/instructions/{received.Id}", CentreSecretary)).Reports.Single();
        using var scope = App.Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        await bus.InvokeForTenantAsync(Org, new InstructionIssued(decisionId, OtherOrg, received.ProtocolNumber, received.Kind, received.Text,
            received.Term, received.DueDate, received.AdoptedOn, [.. received.Addressees.Select(a => a.Addressee)]));
        await bus.InvokeForTenantAsync(OtherOrg, new InstructionExecutionForwarded(decisionId, report.ReportId, report.By, report.Progress,
            report.Report, report.Evidence, report.ReportedOn));

        (await GetAsync<Paged<InstructionSummary>>("/api/instructions", CentreSecretary)).Items.Single().Version.ShouldBe(2);
        (await DecisionAsync(decisionId)).Version.ShouldBe(decision.Version);
        decision.Reports.Single().ReportId.ShouldBe(report.ReportId);
        (await App.ScalarAsync($"select user_name from {App.Schema}.mt_events where type = 'execution_reported'")).ShouldBe("service");
        (await App.ScalarAsync($"select user_name from {App.Schema}.mt_events where type = 'instruction_received'")).ShouldBe("service");
    }

    /// <summary>As in <see cref="when_a_decision_falls_due"/>: adopted two seconds before the end of its due date, the
    /// meeting's day, then the clock moved past midnight.</summary>
    [Fact]
    public async Task the_commission_sees_which_body_let_it_fall_overdue()
    {
        App.Clock.Now = new DateTimeOffset(2021, 11, 15, 23, 59, 58, TimeSpan.FromHours(6));
        var decisionId = await InstructedAsync(new { kind = "by-date", date = "2021-11-15" });
        var received = await ReceivedAsync();
        await PostAsync<Written>($"/api/instructions/{received.Id}/execution", new
        {
            expectedVersion = 1, progress = "executed", report = "Seminar held", evidence = new[] { "Order No. 12" }
        }, CentreSecretary);
        await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Addressees[2].Status == DecisionStatus.Executed);
        await ReportAsync(decisionId, 2, Education, reportedOn: "2021-11-15");

        App.Clock.Now = new DateTimeOffset(2021, 11, 16, 0, 0, 1, TimeSpan.FromHours(6));
        var decision = await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Status == DecisionStatus.Overdue);

        decision.Addressees.Select(a => (a.Addressee.Name, a.Status))
            .ShouldBe([(Education, DecisionStatus.Executed), (Youth, DecisionStatus.Overdue), (Centre, DecisionStatus.Executed)]);
        decision.Addressees[1].OverdueFrom.ShouldBe(new DateOnly(2021, 11, 16));

        var bodies = await GetAsync<List<DecisionExecutionByBody>>("/api/decisions/execution-by-body?from=2021-11-01&to=2021-11-30",
            App.Token(OtherOrg, Roles.Analyst));
        bodies.Select(b => (b.Name, b.Organisation, b.Execution.Due, b.Execution.Overdue, b.Execution.RatePercent)).ShouldBe([
            (Education, null, 1, 0, 100m), (Youth, null, 1, 1, 0m), (Centre, Org, 1, 0, 100m)
        ]);
    }

    [Fact]
    public async Task an_instruction_names_its_term_and_addressees_as_the_rules_allow()
    {
        var (meetingId, version) = await VotedAsync();
        var url = $"/api/meetings/{meetingId}/resolutions";

        var invalid = await RefusedAsync(url, Instruction(version, term: new { kind = "half-year", year = 2022, part = 3 },
            addressees: [new { kind = "unit", name = Youth }, new { kind = "unit", name = Youth }]), 400, SecretaryToken);
        invalid.Errors!.Keys.ShouldBe(["term.part", "addressees[1]"], ignoreOrder: true);
        (await RefusedAsync(url, Instruction(version, addressees: [null!]), 400, SecretaryToken)).Errors!.Keys.ShouldBe(["addressees[0]"]);
        (await RefusedAsync(url, Instruction(version, addressees: [new { kind = "unit", name = "Akimat", organisation = "almaty" }]), 409,
            SecretaryToken)).Rule.ShouldBe("addressee-not-overseen");
    }

    [Fact]
    public async Task all_overseen_addresses_every_organisation_the_region_oversees_under_its_report_name()
    {
        var (meetingId, version) = await VotedAsync();
        var decisionId = (await ResolveAsync(meetingId, Instruction(version, addressees: [new { kind = "unit", name = Education }], allOverseen: true))).DecisionId!.Value;

        var addressees = (await DecisionAsync(decisionId)).Addressees.Select(a => a.Addressee).ToList();
        addressees[0].ShouldBe(new Executor(ExecutorKind.Unit, Education));
        addressees.Skip(1).Select(a => a.Organisation).ShouldBe(App.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganisationSettings>>()
            .Value.OverseenBy(OtherOrg));
        addressees.ShouldContain(new Executor(ExecutorKind.Unit, Centre, Org));
        addressees.ShouldContain(new Executor(ExecutorKind.Unit, "the akimat of Ekibastuz", "ekibastuz"));
    }
}
