using Cases.Domain.Cases;
using Cases.Domain.Public;
using Case = Cases.Domain.Cases.Case;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

/// <summary>
/// At every step of a case, the actions its state allows are exactly those its decisions accept: each listed action's
/// decision takes a well-formed command, and each action left out is refused with the rule of its guard.
/// </summary>
public class knowing_what_a_case_allows
{
    private static readonly object PublicReport = new ReceiptIssued(Id, "ABCDEFGH", "s", "h", 1, true, Now);

    /// <summary>Two subjects, so that one is always left to ask for an explanation while the other's is awaited.</summary>
    private static Case Course(params object[] events) => Replay([Registered("E-1042", "E-2001"), .. events]);

    private static readonly Dictionary<string, (Case State, CaseAction[] Allowed)> Steps = new()
    {
        ["registered"] = (Course(), [CaseAction.Acknowledge, CaseAction.IdentifySubject, CaseAction.AttachEvidence, CaseAction.Close]),
        ["acknowledged"] = (Course(Acknowledged), [CaseAction.Assign, CaseAction.IdentifySubject, CaseAction.AttachEvidence, CaseAction.Close]),
        ["under investigation"] = (Course(Acknowledged, Assigned), [CaseAction.Reassign, CaseAction.IdentifySubject, CaseAction.RequestExplanation,
            CaseAction.AttachEvidence, CaseAction.RecordFinding, CaseAction.Refer, CaseAction.Close]),
        ["awaiting an explanation"] = (Course(Acknowledged, Assigned, AwaitingExplanation), [CaseAction.Reassign, CaseAction.IdentifySubject,
            CaseAction.RequestExplanation, CaseAction.RecordExplanation, CaseAction.AttachEvidence, CaseAction.RecordFinding, CaseAction.Refer, CaseAction.Close]),
        ["found"] = (Course(Acknowledged, Assigned, AwaitingExplanation, ExplanationGiven, NoViolationFound), [CaseAction.Reassign,
            CaseAction.IdentifySubject, CaseAction.RequestExplanation, CaseAction.AttachEvidence, CaseAction.Refer, CaseAction.Close]),
        ["referred to a commission"] = (Course(Acknowledged, Assigned, NoViolationFound, Referred), [CaseAction.Reassign, CaseAction.IdentifySubject,
            CaseAction.RequestExplanation, CaseAction.AttachEvidence, CaseAction.Close]),
        ["closed"] = (Course(Acknowledged, Assigned, Closed), [CaseAction.Reopen]),
        ["reopened"] = (Course(Acknowledged, Assigned, NoViolationFound, Closed, Reopened), [CaseAction.Reassign, CaseAction.IdentifySubject,
            CaseAction.RequestExplanation, CaseAction.AttachEvidence, CaseAction.RecordFinding, CaseAction.Refer, CaseAction.Close]),
        ["reported publicly"] = (Course(PublicReport), [CaseAction.Acknowledge, CaseAction.IdentifySubject, CaseAction.AttachEvidence,
            CaseAction.Close, CaseAction.Reply]),
        ["reported publicly and closed"] = (Course(PublicReport, Closed), [CaseAction.Reopen])
    };

    /// <summary>The decision of an action on a well-formed command, one the state alone decides.</summary>
    private static RuleViolation? Decision(CaseAction action, Case state) => action switch
    {
        CaseAction.Acknowledge => AcknowledgeCaseDecision.Check(new AcknowledgeCase(1), state, Now),
        CaseAction.Assign => AssignInvestigatorDecision.Check(new AssignInvestigator(1, "d.sultanova"), state, Now),
        CaseAction.Reassign => ReassignInvestigatorDecision.Check(new ReassignInvestigator(1, "k.omarov"), state, Now),
        CaseAction.IdentifySubject => IdentifySubjectDecision.Check(new IdentifySubject(1, "E-5000"), state, Now),
        CaseAction.RequestExplanation => RequestExplanationDecision.Check(
            new RequestExplanation(1, state.Subjects.First(s => !state.PendingExplanations.ContainsKey(s))), state, Now),
        CaseAction.RecordExplanation => RecordExplanationDecision.Check(
            new RecordExplanation(1, state.PendingExplanations.Keys.FirstOrDefault() ?? "E-1042", Text: "I was busy"), state, Now, Weekends, Statute),
        CaseAction.AttachEvidence => AttachEvidenceDecision.Check(
            new AttachEvidence(1, "photo.jpg", "image/jpeg", 10, new string('a', 64), "Queue"), state, Now),
        CaseAction.RecordFinding => RecordFindingDecision.Check(new RecordFinding(1, false, [], [], false, "No violation"), state, Now),
        CaseAction.Refer => ReferToCommissionDecision.Check(new ReferToCommission(1, "ethics"), state, Now),
        CaseAction.Close => CloseCaseDecision.Check(new CloseCase(1, CaseOutcome.Withdrawn, "Withdrawn"), state, Now),
        CaseAction.Reopen => ReopenCaseDecision.Check(new ReopenCase(1, "Appeal"), state, Now),
        CaseAction.Reply => ReportThreadDecisions.CheckReply(state),
        _ => throw new ArgumentOutOfRangeException(nameof(action))
    };

    public static TheoryData<string> Names() => new(Steps.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void the_state_lists_the_actions_of_its_step(string step)
    {
        var (state, allowed) = Steps[step];

        CaseActions.Allowed(state).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void every_action_listed_is_accepted_and_every_other_refused_with_its_guards_rule(string step)
    {
        var state = Steps[step].State;
        var allowed = CaseActions.Allowed(state);

        foreach (var action in Enum.GetValues<CaseAction>())
        {
            var refusal = Decision(action, state);
            if (allowed.Contains(action))
            {
                refusal.ShouldBeNull($"{action} is listed at step {step}");
            }
            else
            {
                refusal.ShouldNotBeNull($"{action} is left out at step {step}").Rule.ShouldBe(CaseActions.Guard(action, state)!.Rule);
            }
        }
    }
}
