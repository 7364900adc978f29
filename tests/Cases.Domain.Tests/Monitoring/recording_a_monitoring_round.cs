using Cases.Domain.Monitoring;

namespace Cases.Domain.Tests.Monitoring;

public class recording_a_monitoring_round
{
    private static readonly FindingCase Case = new(Guid.CreateVersion7(), "2021-0007", new DateOnly(2021, 3, 2));

    private static readonly RecordMonitoringRound Round = new(MonitoringKind.SocialNetworks, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31),
        [" Facebook ", "Instagram"], 340);

    private static Dictionary<Guid, FindingCase> Cases(params FindingCase[] cases) => cases.ToDictionary(c => c.Id);

    [Fact]
    public void a_round_with_no_findings_says_none_were_found()
    {
        var recorded = RecordMonitoringRoundDecision.Decide(Round, Cases(), Guid.CreateVersion7());
        recorded.Findings.ShouldBeEmpty();
        recorded.Sources.ShouldBe(["Facebook", "Instagram"]);
        recorded.ItemsReviewed.ShouldBe(340);
        recorded.Procurement.ShouldBeNull();
    }

    [Fact]
    public void a_case_opened_on_a_finding_was_received_on_the_first_day_of_the_period_or_later()
    {
        var opened = Round with { Findings = [new MonitoringFinding("A comment about a bribe", FindingOutcome.CaseOpened, Case.Id)] };
        RecordMonitoringRoundDecision.Check(opened, Cases(Case)).ShouldBeNull();
        RecordMonitoringRoundDecision.Check(opened, Cases(Case with { ReceivedOn = Round.From })).ShouldBeNull();
        RecordMonitoringRoundDecision.Check(opened, Cases(Case with { ReceivedOn = Round.From.AddDays(-1) }))!.Rule.ShouldBe("finding-case-predates-round");
        Should.Throw<InvalidOperationException>(() => RecordMonitoringRoundDecision.Decide(opened, Cases(Case with { ReceivedOn = new DateOnly(2020, 12, 1) }), Guid.CreateVersion7()));
    }

    [Fact]
    public void findings_keep_what_they_led_to_and_procurement_keeps_its_figures()
    {
        var round = new RecordMonitoringRound(MonitoringKind.PublicProcurement, new DateOnly(2021, 1, 1), new DateOnly(2021, 10, 31), ["goszakup.gov.kz"], 120,
            [new MonitoringFinding(" Late delivery accepted ", FindingOutcome.Referral, ReferredTo: " Internal audit ")], new ProcurementCheck(120, 1, 0));
        var recorded = RecordMonitoringRoundDecision.Decide(round, Cases(), Guid.CreateVersion7());
        recorded.Findings.ShouldBe([new MonitoringFinding("Late delivery accepted", FindingOutcome.Referral, null, "Internal audit")]);
        recorded.Procurement.ShouldBe(new ProcurementCheck(120, 1, 0));
    }
}
