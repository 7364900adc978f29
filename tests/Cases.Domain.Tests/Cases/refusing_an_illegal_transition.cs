using Cases.Domain.Cases;
using Case = Cases.Domain.Cases.Case;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

/// <summary>
/// Every command on a case in a state where its rule forbids it: the decision answers the rule, so the endpoint answers
/// 409 naming it and writes nothing (one such mapping per endpoint stays in the HTTP suite).
/// </summary>
public class refusing_an_illegal_transition
{
    private static Case NewCase() => Replay(Registered());
    private static Case AcknowledgedCase() => Replay(Registered(), Acknowledged);
    private static Case AssignedCase() => Investigating();
    private static Case AwaitingCase() => Investigating(AwaitingExplanation);
    private static Case FoundCase() => Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound);
    private static Case ReferredCase() => Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound, Referred);
    private static Case ClosedCase() => Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound, Referred, Closed);

    private static RecordFinding Finding(bool violation) => violation
        ? new RecordFinding(9, true, ["E-1042"], ["4.2"], false, "Finding")
        : new RecordFinding(9, false, [], [], false, "Finding");

    private static readonly AttachEvidence Evidence = new(9, "late.pdf", "application/pdf", 10, new string('b', 64), "Late");

    /// <summary>The state, the command's check, and the rule it must answer; named as a reader would say it.</summary>
    private static readonly Dictionary<string, (Func<RuleViolation?> Check, string Rule)> Refusals = new()
    {
        ["acknowledging before receipt"] = (() => AcknowledgeCaseDecision.Check(new AcknowledgeCase(1, Received.AddDays(-1)), NewCase(), Now), "date-before-receipt"),
        ["assigning a registered case"] = (() => AssignInvestigatorDecision.Check(new AssignInvestigator(1, "d.sultanova"), NewCase(), Now), "case-not-acknowledged"),
        ["requesting an explanation on a registered case"] = (() => RequestExplanationDecision.Check(new RequestExplanation(1, "E-1042"), NewCase(), Now), "case-not-under-investigation"),
        ["recording a finding on a registered case"] = (() => RecordFindingDecision.Check(Finding(false), NewCase(), Now), "case-not-under-investigation"),
        ["referring a registered case"] = (() => ReferToCommissionDecision.Check(new ReferToCommission(1, "ethics"), NewCase(), Now), "case-not-under-investigation"),
        ["reassigning a registered case"] = (() => ReassignInvestigatorDecision.Check(new ReassignInvestigator(1, "k.omarov"), NewCase(), Now), "case-not-under-investigation"),
        ["reopening an open case"] = (() => ReopenCaseDecision.Check(new ReopenCase(1, "Why not"), NewCase(), Now), "case-not-closed"),
        ["acknowledging twice"] = (() => AcknowledgeCaseDecision.Check(new AcknowledgeCase(2), AcknowledgedCase(), Now), "case-already-acknowledged"),
        ["assigning an assigned case"] = (() => AssignInvestigatorDecision.Check(new AssignInvestigator(3, "k.omarov"), AssignedCase(), Now), "investigator-already-assigned"),
        ["reassigning to the same investigator"] = (() => ReassignInvestigatorDecision.Check(new ReassignInvestigator(3, "d.sultanova"), AssignedCase(), Now), "same-investigator"),
        ["asking an explanation of someone not a subject"] = (() => RequestExplanationDecision.Check(new RequestExplanation(3, "E-9999"), AssignedCase(), Now), "not-a-subject"),
        ["recording an explanation never requested"] = (() => RecordExplanationDecision.Check(new RecordExplanation(3, "E-1042", Text: "Sorry"), AssignedCase(), Now, Weekends, Statute), "no-explanation-requested"),
        ["closing as violation-confirmed without a finding"] = (() => CloseCaseDecision.Check(new CloseCase(3, CaseOutcome.ViolationConfirmed, "No finding yet"), AssignedCase(), Now), "outcome-needs-finding"),
        ["requesting an explanation already awaited"] = (() => RequestExplanationDecision.Check(new RequestExplanation(4, "E-1042"), AwaitingCase(), Now), "explanation-already-requested"),
        ["recording an explanation dated before its request"] = (() => RecordExplanationDecision.Check(new RecordExplanation(4, "E-1042", Text: "Early", RecordedOn: new DateOnly(2021, 3, 9)), AwaitingCase(), Now, Weekends, Statute), "date-before-request"),
        ["drawing up an act of refusal too early"] = (() => RecordExplanationDecision.Check(new RecordExplanation(4, "E-1042", RefusalWitnesses: ["A. Nurlanova", "B. Seitkali"], RecordedOn: new DateOnly(2021, 3, 12)), AwaitingCase(), Now, Weekends, Statute), "refusal-too-early"),
        ["finding a violation by a subject never asked"] = (() => RecordFindingDecision.Check(Finding(true), AssignedCase(), Now), "subject-not-heard"),
        ["finding a violation by a subject still awaited"] = (() => RecordFindingDecision.Check(Finding(true), AwaitingCase(), Now), "subject-not-heard"),
        ["finding a violation by someone not a subject"] = (() => RecordFindingDecision.Check(Finding(true) with { EmployeesAtFault = ["E-7"] }, AssignedCase(), Now), "not-a-subject"),
        ["identifying a subject twice"] = (() => IdentifySubjectDecision.Check(new IdentifySubject(3, "E-1042"), AssignedCase(), Now), "already-a-subject"),
        ["recording a second finding"] = (() => RecordFindingDecision.Check(Finding(false), FoundCase(), Now), "finding-already-recorded"),
        ["closing against the finding"] = (() => CloseCaseDecision.Check(new CloseCase(6, CaseOutcome.NoViolationFound, "Contradicts the finding"), FoundCase(), Now), "outcome-needs-finding"),
        ["referring twice"] = (() => ReferToCommissionDecision.Check(new ReferToCommission(7, "ethics"), ReferredCase(), Now), "case-already-referred"),
        ["closing twice"] = (() => CloseCaseDecision.Check(new CloseCase(8, CaseOutcome.Withdrawn, "Again"), ClosedCase(), Now), "case-already-closed"),
        ["acknowledging a closed case"] = (() => AcknowledgeCaseDecision.Check(new AcknowledgeCase(8), ClosedCase(), Now), "case-closed"),
        ["identifying a subject of a closed case"] = (() => IdentifySubjectDecision.Check(new IdentifySubject(8, "E-5000"), ClosedCase(), Now), "case-closed"),
        ["assigning a closed case"] = (() => AssignInvestigatorDecision.Check(new AssignInvestigator(8, "k.omarov"), ClosedCase(), Now), "case-closed"),
        ["reassigning a closed case"] = (() => ReassignInvestigatorDecision.Check(new ReassignInvestigator(8, "k.omarov"), ClosedCase(), Now), "case-closed"),
        ["requesting an explanation on a closed case"] = (() => RequestExplanationDecision.Check(new RequestExplanation(8, "E-1042"), ClosedCase(), Now), "case-closed"),
        ["recording an explanation on a closed case"] = (() => RecordExplanationDecision.Check(new RecordExplanation(8, "E-1042", Text: "Late"), ClosedCase(), Now, Weekends, Statute), "case-closed"),
        ["attaching evidence to a closed case"] = (() => AttachEvidenceDecision.Check(Evidence, ClosedCase(), Now), "case-closed"),
        ["recording a finding on a closed case"] = (() => RecordFindingDecision.Check(Finding(true), ClosedCase(), Now), "case-closed"),
        ["referring a closed case"] = (() => ReferToCommissionDecision.Check(new ReferToCommission(8, "ethics"), ClosedCase(), Now), "case-closed"),
    };

    public static TheoryData<string> Transitions() => new(Refusals.Keys);

    [Theory]
    [MemberData(nameof(Transitions))]
    public void the_decision_names_the_rule_it_breaks(string transition)
    {
        var (check, rule) = Refusals[transition];

        var violation = check().ShouldNotBeNull();

        violation.Rule.ShouldBe(rule);
        violation.Detail.ShouldNotBeNullOrWhiteSpace();
    }
}
