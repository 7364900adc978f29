using Cases.Domain.Monitoring;

namespace Cases.Domain.Tests.Monitoring;

/// <summary>A round stands as recorded or as last corrected until it is withdrawn; a withdrawn round is kept as it was.</summary>
public class correcting_and_withdrawing_a_monitoring_round
{
    private static readonly Dictionary<Guid, FindingCase> NoCases = [];

    private static readonly MonitoringRecord Round = MonitoringRecord.Create(RecordMonitoringRoundDecision.Decide(
        new RecordMonitoringRound(MonitoringKind.Media, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), ["Kazinform"], 60), NoCases, Guid.CreateVersion7()));

    private static CorrectMonitoringRound Correction(int itemsReviewed = 60, string source = "Kazinform", DateOnly? from = null,
        IReadOnlyList<MonitoringFinding>? findings = null) =>
        new(1, " Items were miscounted ", MonitoringKind.Media, from ?? new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), [source], itemsReviewed, findings);

    [Fact]
    public void a_correction_holds_every_field_as_corrected_with_its_reason()
    {
        var corrected = CorrectMonitoringRoundDecision.Decide(Correction(itemsReviewed: 75), Round, NoCases);

        (corrected.RoundId, corrected.ItemsReviewed, corrected.Reason).ShouldBe((Round.Id, 75, "Items were miscounted"));
        corrected.Sources.ShouldBe(["Kazinform"]);
        Round.Apply(corrected).Standing.ItemsReviewed.ShouldBe(75);
    }

    [Fact]
    public void a_correction_to_what_the_round_holds_changes_nothing_and_is_refused()
    {
        CorrectMonitoringRoundDecision.Check(Correction(source: " Kazinform "), Round, NoCases)!.Rule.ShouldBe("nothing-to-correct");
        var corrected = Round.Apply(CorrectMonitoringRoundDecision.Decide(Correction(itemsReviewed: 75), Round, NoCases));
        CorrectMonitoringRoundDecision.Check(Correction(itemsReviewed: 75), corrected, NoCases)!.Rule.ShouldBe("nothing-to-correct");
        CorrectMonitoringRoundDecision.Check(Correction(), corrected, NoCases).ShouldBeNull();
    }

    [Fact]
    public void a_correction_is_held_to_the_rules_of_a_recording()
    {
        var opened = new FindingCase(Guid.CreateVersion7(), "2021-0007", new DateOnly(2021, 1, 10));
        var finding = new MonitoringFinding("An article on paid queues", FindingOutcome.CaseOpened, opened.Id);
        var cases = new Dictionary<Guid, FindingCase> { [opened.Id] = opened };

        CorrectMonitoringRoundDecision.Check(Correction(from: new DateOnly(2021, 2, 1), findings: [finding]), Round, cases)!
            .Rule.ShouldBe("finding-case-predates-round");
        CorrectMonitoringRoundDecision.Check(Correction(findings: [finding]), Round, cases).ShouldBeNull();
    }

    [Fact]
    public void a_round_is_withdrawn_once_and_a_withdrawn_round_is_not_corrected()
    {
        var withdrawn = WithdrawMonitoringRoundDecision.Decide(new WithdrawMonitoringRound(1, " Recorded twice "), Round);
        withdrawn.ShouldBe(new MonitoringRoundWithdrawn(Round.Id, "Recorded twice"));
        var state = Round.Apply(withdrawn);

        WithdrawMonitoringRoundDecision.Check(state)!.Rule.ShouldBe("round-already-withdrawn");
        CorrectMonitoringRoundDecision.Check(Correction(itemsReviewed: 75), state, NoCases)!.Rule.ShouldBe("round-withdrawn");
        Should.Throw<InvalidOperationException>(() => WithdrawMonitoringRoundDecision.Decide(new WithdrawMonitoringRound(2, "Again"), state));
    }

    [Fact]
    public void corrections_and_withdrawals_count_from_the_start() =>
        (BusinessDates.Of(new MonitoringRoundWithdrawn(Round.Id, "Recorded twice")).By,
            BusinessDates.Of(MonitoringRoundCorrected.Of(Round.Standing, "Miscounted")).By).ShouldBe((DatedBy.Correction, DatedBy.Correction));
}
