using Cases.Domain.Cases;
using Case = Cases.Domain.Cases.Case;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

/// <summary>Business dates given by the client are checked against the facts they follow, on both sides of each boundary.</summary>
public class dating_case_facts
{
    /// <summary>Every case command that takes a business date: a state where it is allowed, and its check for a date.</summary>
    private static readonly Dictionary<string, (Func<Case> State, Func<Case, DateOnly, RuleViolation?> Check)> Dated = new()
    {
        ["acknowledgement"] = (() => Replay(Registered()), (s, d) => AcknowledgeCaseDecision.Check(new AcknowledgeCase(1, d), s, Now)),
        ["assignment"] = (() => Replay(Registered(), Acknowledged), (s, d) => AssignInvestigatorDecision.Check(new AssignInvestigator(2, "d.sultanova", d), s, Now)),
        ["reassignment"] = (() => Investigating(), (s, d) => ReassignInvestigatorDecision.Check(new ReassignInvestigator(3, "k.omarov", d), s, Now)),
        ["identification"] = (() => Investigating(), (s, d) => IdentifySubjectDecision.Check(new IdentifySubject(3, "E-2077", d), s, Now)),
        ["explanation request"] = (() => Investigating(), (s, d) => RequestExplanationDecision.Check(new RequestExplanation(3, "E-1042", d), s, Now)),
        ["finding"] = (() => Investigating(), (s, d) => RecordFindingDecision.Check(new RecordFinding(3, false, [], [], false, "Fine", d), s, Now)),
        ["referral"] = (() => Investigating(), (s, d) => ReferToCommissionDecision.Check(new ReferToCommission(3, "ethics", d), s, Now)),
        ["closing"] = (() => Investigating(), (s, d) => CloseCaseDecision.Check(new CloseCase(3, CaseOutcome.Withdrawn, "Withdrawn", d), s, Now)),
        ["reopening"] = (() => Investigating(Closed), (s, d) => ReopenCaseDecision.Check(new ReopenCase(4, "Appeal", d), s, Now)),
    };

    public static TheoryData<string> DatedCommands() => new(Dated.Keys);

    [Theory]
    [MemberData(nameof(DatedCommands))]
    public void a_fact_is_dated_on_the_day_of_receipt_or_later(string command)
    {
        var (state, check) = Dated[command];

        check(state(), Received).ShouldBeNull();
        check(state(), Received.AddDays(-1)).ShouldNotBeNull().Rule.ShouldBe("date-before-receipt");
    }

    [Fact]
    public void an_explanation_is_dated_on_the_day_of_its_request_or_later()
    {
        var awaiting = Investigating(AwaitingExplanation);
        var requested = new DateOnly(2021, 3, 10);

        RecordExplanationDecision.Check(new RecordExplanation(4, "E-1042", Text: "t", RecordedOn: requested), awaiting, Now, Weekends, Statute).ShouldBeNull();
        RecordExplanationDecision.Check(new RecordExplanation(4, "E-1042", Text: "t", RecordedOn: requested.AddDays(-1)), awaiting, Now, Weekends, Statute)
            .ShouldNotBeNull().Rule.ShouldBe("date-before-request");
    }

    [Fact]
    public void an_act_of_refusal_is_dated_after_two_working_days_without_an_explanation()
    {
        // Requested on Wednesday 10 March 2021: Thursday and Friday pass, the act may bear Saturday 13 March.
        var awaiting = Investigating(AwaitingExplanation);
        var act = new RecordExplanation(4, "E-1042", RefusalWitnesses: ["A", "B"]);

        RecordExplanationDecision.Check(act with { RecordedOn = new DateOnly(2021, 3, 13) }, awaiting, Now, Weekends, Statute).ShouldBeNull();
        RecordExplanationDecision.Check(act with { RecordedOn = new DateOnly(2021, 3, 12) }, awaiting, Now, Weekends, Statute)
            .ShouldNotBeNull().Rule.ShouldBe("refusal-too-early");
    }

    [Fact]
    public void an_undated_fact_is_dated_today_on_the_organisations_clock()
    {
        // 23:30 UTC on 1 April 2021 is already 2 April in Almaty (UTC+6 then).
        var almaty = new DateTimeOffset(2021, 4, 1, 23, 30, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(6));

        AcknowledgeCaseDecision.Decide(new AcknowledgeCase(1), Replay(Registered()), almaty).AcknowledgedOn.ShouldBe(new DateOnly(2021, 4, 2));
    }
}
