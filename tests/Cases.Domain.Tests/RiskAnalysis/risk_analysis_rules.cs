using Cases.Domain.RiskAnalysis;

namespace Cases.Domain.Tests.RiskAnalysis;

/// <summary>The centre's analysis of 2021, started on 1 November and approved on 12 November.</summary>
public static class RiskAnalysisHistory
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2021, 11, 15, 10, 0, 0, TimeSpan.FromHours(6));

    public static readonly RiskAnalysisStarted Started = StartRiskAnalysisDecision.Decide(
        new StartRiskAnalysis(" Internal analysis of corruption risks, 2021 ", new DateOnly(2021, 1, 1), new DateOnly(2021, 10, 31),
            [new WorkingGroupMember("K. Satybayev", "First Deputy Chairman")], StartedOn: new DateOnly(2021, 11, 1)), Id, Now);

    public static readonly CorruptionRiskIdentified Risk = new(Id, 1, "medical-activity", "Queues for planned hospitalisation",
        "Manual waiting list", "Publish the waiting list", new DateOnly(2021, 11, 5));

    public static readonly RiskAnalysisApproved Approved = new(Id, new DateOnly(2021, 11, 12), "Chairman of the Board", false, 1);

    public static readonly RiskActionAssigned Assigned = new(Id, 1, "Head of admissions", new DateOnly(2021, 12, 31), new DateOnly(2021, 11, 12));

    public static CorruptionRiskAnalysis Of(params object[] more) => History.Of<CorruptionRiskAnalysis>([Started, .. more]);
}

public class starting_a_risk_analysis
{
    [Fact]
    public void without_a_scope_it_covers_the_three_areas_of_the_centres_analysis()
    {
        RiskAnalysisHistory.Started.Scope.ShouldBe(["organisational-and-managerial", "regulatory-acts", "medical-activity"]);
        RiskAnalysisHistory.Started.Title.ShouldBe("Internal analysis of corruption risks, 2021");
    }

    [Fact]
    public void a_scope_named_is_the_scope()
    {
        var started = StartRiskAnalysisDecision.Decide(new StartRiskAnalysis("Procurement", new DateOnly(2021, 1, 1), new DateOnly(2021, 6, 30),
            [new WorkingGroupMember("A", "B")], [" public-procurement "]), Guid.CreateVersion7(), RiskAnalysisHistory.Now);
        started.Scope.ShouldBe(["public-procurement"]);
        started.StartedOn.ShouldBe(new DateOnly(2021, 11, 15));
    }
}

public class identifying_a_corruption_risk
{
    private static IdentifyCorruptionRisk Risk(string area = "medical-activity", string on = "2021-11-05") =>
        new(1, area, "Queues", "Manual list", "Publish it", DateOnly.Parse(on));

    [Fact]
    public void a_risk_is_in_an_area_the_analysis_looks_at()
    {
        IdentifyCorruptionRiskDecision.Check(Risk(), RiskAnalysisHistory.Of(), RiskAnalysisHistory.Now).ShouldBeNull();
        IdentifyCorruptionRiskDecision.Check(Risk(" regulatory-acts "), RiskAnalysisHistory.Of(), RiskAnalysisHistory.Now).ShouldBeNull();
        IdentifyCorruptionRiskDecision.Check(Risk("public-procurement"), RiskAnalysisHistory.Of(), RiskAnalysisHistory.Now)!.Rule.ShouldBe("area-outside-scope");
    }

    [Fact]
    public void no_risk_is_added_once_the_analysis_is_approved() =>
        IdentifyCorruptionRiskDecision.Check(Risk(), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved), RiskAnalysisHistory.Now)!
            .Rule.ShouldBe("risk-analysis-approved");

    [Fact]
    public void a_risk_is_identified_on_the_day_the_analysis_started_or_later()
    {
        IdentifyCorruptionRiskDecision.Check(Risk(on: "2021-11-01"), RiskAnalysisHistory.Of(), RiskAnalysisHistory.Now).ShouldBeNull();
        IdentifyCorruptionRiskDecision.Check(Risk(on: "2021-10-31"), RiskAnalysisHistory.Of(), RiskAnalysisHistory.Now)!.Rule.ShouldBe("date-before-start");
    }

    [Fact]
    public void risks_are_numbered_in_the_order_recorded() =>
        IdentifyCorruptionRiskDecision.Decide(Risk(), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk), RiskAnalysisHistory.Now).Number.ShouldBe(2);
}

public class approving_a_risk_analysis
{
    private static ApproveRiskAnalysis Approval(bool none, string on = "2021-11-12") => new(2, DateOnly.Parse(on), "Chairman", none);

    [Fact]
    public void none_found_is_approved_only_when_no_risk_is_recorded()
    {
        ApproveRiskAnalysisDecision.Check(Approval(none: true), RiskAnalysisHistory.Of()).ShouldBeNull();
        ApproveRiskAnalysisDecision.Check(Approval(none: true), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk))!.Rule.ShouldBe("risks-recorded");
    }

    [Fact]
    public void an_approval_with_risks_needs_risks_recorded()
    {
        ApproveRiskAnalysisDecision.Check(Approval(none: false), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk)).ShouldBeNull();
        ApproveRiskAnalysisDecision.Check(Approval(none: false), RiskAnalysisHistory.Of())!.Rule.ShouldBe("no-risks-recorded");
    }

    [Fact]
    public void an_analysis_is_approved_once() =>
        ApproveRiskAnalysisDecision.Check(Approval(none: false), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved))!
            .Rule.ShouldBe("risk-analysis-approved");

    [Fact]
    public void it_is_approved_on_the_day_it_started_or_later()
    {
        ApproveRiskAnalysisDecision.Check(Approval(none: true, on: "2021-11-01"), RiskAnalysisHistory.Of()).ShouldBeNull();
        ApproveRiskAnalysisDecision.Check(Approval(none: true, on: "2021-10-31"), RiskAnalysisHistory.Of())!.Rule.ShouldBe("date-before-start");
    }
}

public class following_the_actions_on_recommendations
{
    private static AssignRiskAction Assignment(string due = "2021-12-31", string on = "2021-11-12") => new(3, "Head of admissions", DateOnly.Parse(due), DateOnly.Parse(on));

    private static string? AssignRule(AssignRiskAction command, CorruptionRiskAnalysis state) =>
        AssignRiskActionDecision.Check(command, state, state.Risk(1)!, RiskAnalysisHistory.Now)?.Rule;

    [Fact]
    public void a_recommendation_becomes_an_action_once_the_analysis_is_approved()
    {
        AssignRule(Assignment(), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk)).ShouldBe("risk-analysis-not-approved");
        AssignRule(Assignment(), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved)).ShouldBeNull();
    }

    [Fact]
    public void an_action_is_assigned_once() =>
        AssignRule(Assignment(), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved, RiskAnalysisHistory.Assigned))
            .ShouldBe("action-already-assigned");

    [Fact]
    public void it_is_assigned_from_the_approval_and_due_no_earlier()
    {
        var approved = RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved);
        AssignRule(Assignment(on: "2021-11-11"), approved).ShouldBe("date-before-approval");
        AssignRule(Assignment(due: "2021-11-12"), approved).ShouldBeNull();
        AssignRule(Assignment(due: "2021-11-11"), approved).ShouldBe("date-before-assignment");
    }

    private static ReportRiskAction Report(RiskActionProgress progress, string on = "2021-12-20") => new(4, progress, DateOnly.Parse(on));

    [Fact]
    public void only_an_assigned_action_is_reported_on() =>
        ReportRiskActionDecision.Check(Report(RiskActionProgress.Executed), RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved).Risk(1)!)!
            .Rule.ShouldBe("action-not-assigned");

    [Fact]
    public void an_action_in_progress_is_reported_again_until_executed()
    {
        var assigned = RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved, RiskAnalysisHistory.Assigned);
        var inProgress = ReportRiskActionDecision.Decide(Report(RiskActionProgress.InProgress), RiskAnalysisHistory.Id, assigned.Risk(1)!);
        var executed = ReportRiskActionDecision.Decide(Report(RiskActionProgress.Executed), RiskAnalysisHistory.Id, assigned.Then(inProgress).Risk(1)!);
        ReportRiskActionDecision.Check(Report(RiskActionProgress.InProgress), assigned.Then(inProgress, executed).Risk(1)!)!.Rule.ShouldBe("action-already-executed");
    }

    [Fact]
    public void it_is_reported_on_the_day_it_was_assigned_or_later()
    {
        var risk = RiskAnalysisHistory.Of(RiskAnalysisHistory.Risk, RiskAnalysisHistory.Approved, RiskAnalysisHistory.Assigned).Risk(1)!;
        ReportRiskActionDecision.Check(Report(RiskActionProgress.Executed, "2021-11-12"), risk).ShouldBeNull();
        ReportRiskActionDecision.Check(Report(RiskActionProgress.Executed, "2021-11-11"), risk)!.Rule.ShouldBe("date-before-assignment");
    }
}
