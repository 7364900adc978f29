using Cases.Domain.Public;

namespace Cases.Domain.Cases;

/// <summary>The commands of a case's course, as the API names them (a correction mends a record at any step, and is not one).</summary>
public enum CaseAction
{
    Acknowledge,
    Assign,
    Reassign,
    IdentifySubject,
    RequestExplanation,
    RecordExplanation,
    AttachEvidence,
    RecordFinding,
    Refer,
    Close,
    Reopen,
    Reply
}

/// <summary>
/// What a case's state allows next, judged by the very guards the decisions check first: a decision refuses an action
/// left out here with the rule its guard names, so the list and the decisions cannot disagree. An action listed may
/// still be refused for what its command says (a date, a person).
/// </summary>
public static class CaseActions
{
    /// <summary>The rule the case's state breaks for <paramref name="action"/>, whatever the command says; null when it allows it.</summary>
    public static RuleViolation? Guard(CaseAction action, Case state) => action switch
    {
        CaseAction.Acknowledge => AcknowledgeCaseDecision.Guard(state),
        CaseAction.Assign => AssignInvestigatorDecision.Guard(state),
        CaseAction.Reassign => ReassignInvestigatorDecision.Guard(state),
        CaseAction.IdentifySubject => IdentifySubjectDecision.Guard(state),
        CaseAction.RequestExplanation => RequestExplanationDecision.Guard(state),
        CaseAction.RecordExplanation => RecordExplanationDecision.Guard(state),
        CaseAction.AttachEvidence => AttachEvidenceDecision.Guard(state),
        CaseAction.RecordFinding => RecordFindingDecision.Guard(state),
        CaseAction.Refer => ReferToCommissionDecision.Guard(state),
        CaseAction.Close => CloseCaseDecision.Guard(state),
        CaseAction.Reopen => ReopenCaseDecision.Guard(state),
        CaseAction.Reply => ReportThreadDecisions.CheckReply(state),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a command of a case's course.")
    };

    /// <summary>The actions the case's state allows, in the order of a case's course.</summary>
    public static IReadOnlyList<CaseAction> Allowed(Case state) => Enum.GetValues<CaseAction>().Where(a => Guard(a, state) is null).ToList();
}
