using Cases.Domain.Cases;
using Cases.Domain.Sanctions;
using Case = Cases.Domain.Cases.Case;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

public class registering_a_case
{
    [Fact]
    public void records_the_number_the_trimmed_subjects_once_and_hides_an_anonymous_identity()
    {
        var command = new RegisterCase(Channel.Hotline, Category.Corruption, [" E-1 ", "E-1", "E-2"], "  Bribe  ",
            Received, new Complainant(true, "Should not be kept"));

        var registered = RegisterCaseDecision.Decide(command, Id, "2021-0007");

        registered.Number.ShouldBe("2021-0007");
        registered.Subjects.ShouldBe(["E-1", "E-2"]);
        registered.Summary.ShouldBe("Bribe");
        registered.Complainant.ShouldBe(new Complainant(true));
    }

    [Fact]
    public void numbers_are_year_and_four_digit_sequence() => CaseNumber.Format(2021, 7).ShouldBe("2021-0007");
}

public class acknowledging_a_case
{
    [Fact]
    public void a_registered_case_is_acknowledged_today_unless_a_date_is_given()
    {
        var state = Replay(Registered());
        AcknowledgeCaseDecision.Decide(new AcknowledgeCase(1), state, Now)
            .ShouldBe(new CaseAcknowledged(Id, new DateOnly(2021, 3, 20)));
        AcknowledgeCaseDecision.Decide(new AcknowledgeCase(1, Received), state, Now).AcknowledgedOn.ShouldBe(Received);
    }

    [Fact]
    public void twice_is_refused() =>
        AcknowledgeCaseDecision.Check(new AcknowledgeCase(2), Replay(Registered(), Acknowledged), Now)!.Rule
            .ShouldBe("case-already-acknowledged");

    [Fact]
    public void before_receipt_is_refused() =>
        AcknowledgeCaseDecision.Check(new AcknowledgeCase(1, Received.AddDays(-1)), Replay(Registered()), Now)!.Rule
            .ShouldBe("date-before-receipt");

    [Fact]
    public void a_closed_case_is_refused() =>
        AcknowledgeCaseDecision.Check(new AcknowledgeCase(5), Replay(Registered(), Closed), Now)!.Rule.ShouldBe("case-closed");

    [Fact]
    public void deciding_despite_a_broken_rule_is_a_programming_error() =>
        Should.Throw<InvalidOperationException>(() =>
            AcknowledgeCaseDecision.Decide(new AcknowledgeCase(2), Replay(Registered(), Acknowledged), Now));
}

public class assigning_investigators
{
    [Fact]
    public void an_acknowledged_case_is_assigned_and_comes_under_investigation()
    {
        var state = Replay(Registered(), Acknowledged);
        var assigned = AssignInvestigatorDecision.Decide(new AssignInvestigator(2, " d.sultanova "), state, Now);

        assigned.Investigator.ShouldBe("d.sultanova");
        state.Apply(assigned).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.UnderInvestigation),
            s => s.HasInvestigator.ShouldBeTrue());
    }

    [Theory]
    [InlineData(false, "case-not-acknowledged")]
    [InlineData(true, "investigator-already-assigned")]
    public void assignment_needs_an_acknowledged_unassigned_case(bool alreadyAssigned, string rule)
    {
        var state = alreadyAssigned ? Investigating() : Replay(Registered());
        AssignInvestigatorDecision.Check(new AssignInvestigator(1, "k.omarov"), state, Now)!.Rule.ShouldBe(rule);
    }

    [Fact]
    public void reassignment_names_the_previous_investigator()
    {
        var reassigned = ReassignInvestigatorDecision.Decide(new ReassignInvestigator(3, "k.omarov"), Investigating(), Now);
        reassigned.PreviousInvestigator.ShouldBe("d.sultanova");
        Investigating().Apply(reassigned).Investigator.ShouldBe("k.omarov");
    }

    [Fact]
    public void reassignment_to_the_same_investigator_is_refused() =>
        ReassignInvestigatorDecision.Check(new ReassignInvestigator(3, "d.sultanova"), Investigating(), Now)!.Rule
            .ShouldBe("same-investigator");

    [Fact]
    public void reassignment_needs_an_investigator() =>
        ReassignInvestigatorDecision.Check(new ReassignInvestigator(1, "k.omarov"), Replay(Registered()), Now)!.Rule
            .ShouldBe("case-not-under-investigation");
}

public class recording_explanations
{
    [Fact]
    public void only_a_subject_may_be_asked_once_at_a_time()
    {
        RequestExplanationDecision.Check(new RequestExplanation(3, "E-9"), Investigating(), Now)!.Rule.ShouldBe("not-a-subject");
        RequestExplanationDecision.Check(new RequestExplanation(4, "E-1042"), Investigating(AwaitingExplanation), Now)!.Rule
            .ShouldBe("explanation-already-requested");
        RequestExplanationDecision.Check(new RequestExplanation(3, "E-1042"), Investigating(), Now).ShouldBeNull();
    }

    [Fact]
    public void an_explanation_answers_the_request()
    {
        var state = Investigating(AwaitingExplanation);
        var given = RecordExplanationDecision.Decide(new RecordExplanation(4, "E-1042", Text: " Busy "), state, Now, Weekends, Statute);

        given.ShouldBe(new ExplanationReceived(Id, "E-1042", new DateOnly(2021, 3, 20), "Busy"));
        state.Apply((ExplanationReceived)given).PendingExplanations.ShouldBeEmpty();
    }

    [Fact]
    public void the_subjects_heard_are_kept_in_one_order_whatever_order_they_were_heard_in()
    {
        var state = Investigating();
        var oneWay = state.Apply(new ExplanationReceived(Id, "E-2", new DateOnly(2021, 3, 11), "a"))
            .Apply(new ExplanationReceived(Id, "E-10", new DateOnly(2021, 3, 12), "b"));
        var otherWay = state.Apply(new ExplanationReceived(Id, "E-10", new DateOnly(2021, 3, 11), "b"))
            .Apply(new ExplanationReceived(Id, "E-2", new DateOnly(2021, 3, 12), "a"));

        // The snapshot's JSON lists them in this order, so rebuilds in any process write the same document.
        System.Text.Json.JsonSerializer.Serialize(oneWay.HeardSubjects).ShouldBe(System.Text.Json.JsonSerializer.Serialize(otherWay.HeardSubjects));
        oneWay.HeardSubjects.ShouldBe(["E-10", "E-2"]);
    }

    [Fact]
    public void a_refusal_is_recorded_as_an_act_with_witnesses_once_two_working_days_passed()
    {
        // Requested on Wednesday 10 March 2021: Thursday and Friday are the two working days.
        var state = Investigating(AwaitingExplanation);
        var act = new RecordExplanation(4, "E-1042", RefusalWitnesses: ["A", "B"], RecordedOn: new DateOnly(2021, 3, 13));

        RecordExplanationDecision.Decide(act, state, Now, Weekends, Statute).ShouldBeOfType<ExplanationRefused>().Witnesses.ShouldBe(["A", "B"]);
        RecordExplanationDecision.Check(act with { RecordedOn = new DateOnly(2021, 3, 12) }, state, Now, Weekends, Statute)!.Rule
            .ShouldBe("refusal-too-early");
    }

    [Theory]
    [InlineData("2021-03-08", "2021-03-11")] // Monday: Tuesday and Wednesday pass, the act from Thursday
    [InlineData("2021-03-12", "2021-03-17")] // Friday: the weekend does not count
    [InlineData("2021-03-13", "2021-03-17")] // Saturday: Monday and Tuesday
    public void the_waiting_days_are_working_days(string requested, string earliest) =>
        RecordExplanationDecision.EarliestRefusalAct(DateOnly.Parse(requested), Weekends, Statute).ShouldBe(DateOnly.Parse(earliest));

    [Fact]
    public void an_organisation_that_gives_more_working_days_waits_for_them_and_says_so()
    {
        // Requested on Wednesday 10 March 2021: with three working days, Thursday, Friday and Monday pass.
        var rules = new SanctionRules { ExplanationWorkingDays = 3 };
        var state = Investigating(AwaitingExplanation);
        var act = new RecordExplanation(4, "E-1042", RefusalWitnesses: ["A", "B"], RecordedOn: new DateOnly(2021, 3, 15));

        var early = RecordExplanationDecision.Check(act, state, Now, Weekends, rules)!;
        early.Rule.ShouldBe("refusal-too-early");
        early.Detail.ShouldContain("after 3 working days");
        early.Detail.ShouldContain("from 2021-03-16");
        RecordExplanationDecision.Check(act, state, Now, Weekends, Statute).ShouldBeNull();
        RecordExplanationDecision.Decide(act with { RecordedOn = new DateOnly(2021, 3, 16) }, state, Now, Weekends, rules).ShouldBeOfType<ExplanationRefused>();
        RecordExplanationDecision.ExplanationDue(new DateOnly(2021, 3, 10), Weekends, rules).ShouldBe(new DateOnly(2021, 3, 15));
    }

    [Fact]
    public void nothing_can_be_recorded_without_a_request_or_before_it()
    {
        RecordExplanationDecision.Check(new RecordExplanation(3, "E-1042", Text: "t"), Investigating(), Now, Weekends, Statute)!.Rule
            .ShouldBe("no-explanation-requested");
        RecordExplanationDecision.Check(new RecordExplanation(4, "E-1042", Text: "t", RecordedOn: new DateOnly(2021, 3, 9)),
            Investigating(AwaitingExplanation), Now, Weekends, Statute)!.Rule.ShouldBe("date-before-request");
    }
}

public class evidence_findings_referral_and_closing
{
    [Fact]
    public void evidence_keeps_a_lower_case_hash_and_is_refused_on_a_closed_case()
    {
        var command = new AttachEvidence(3, "a.pdf", "application/pdf", 10, new string('A', 64), "Roster");
        AttachEvidenceDecision.Decide(command, Investigating(), Id, Now).Sha256.ShouldBe(new string('a', 64));
        AttachEvidenceDecision.Check(command, Investigating(Closed), Now)!.Rule.ShouldBe("case-closed");
    }

    [Fact]
    public void a_finding_needs_an_investigation_and_comes_once()
    {
        var command = new RecordFinding(3, true, ["E-1042"], ["4.2", "4.2"], true, "Rude");
        RecordFindingDecision.Check(command, Replay(Registered(), Acknowledged), Now)!.Rule.ShouldBe("case-not-under-investigation");
        RecordFindingDecision.Check(command, Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound), Now)!.Rule
            .ShouldBe("finding-already-recorded");
        RecordFindingDecision.Decide(command, Investigating(AwaitingExplanation, ExplanationGiven), Now)
            .ShouldSatisfyAllConditions(
                f => f.EthicsArticlesViolated.ShouldBe(["4.2"]),
                f => f.EmployeesAtFault.ShouldBe(["E-1042"]));
    }

    [Fact]
    public void a_violation_is_found_only_against_subjects_who_were_heard()
    {
        var command = new RecordFinding(3, true, ["E-1042"], ["4.2"], false, "Rude");

        RecordFindingDecision.Check(command, Investigating(), Now)!.Rule.ShouldBe("subject-not-heard");
        RecordFindingDecision.Check(command, Investigating(AwaitingExplanation), Now)!.Rule.ShouldBe("subject-not-heard");
        RecordFindingDecision.Check(command with { EmployeesAtFault = ["E-7"] }, Investigating(), Now)!.Rule.ShouldBe("not-a-subject");
        RecordFindingDecision.Check(command, Investigating(AwaitingExplanation, ExplanationGiven), Now).ShouldBeNull();
        RecordFindingDecision.Check(new RecordFinding(3, false, [], [], false, "Fine"), Investigating(), Now).ShouldBeNull();
    }

    [Fact]
    public void an_employee_found_concerned_becomes_a_subject_once()
    {
        var identified = IdentifySubjectDecision.Decide(new IdentifySubject(3, " E-2077 "), Investigating(), Now);

        Investigating(identified).Subjects.ShouldBe(["E-1042", "E-2077"]);
        IdentifySubjectDecision.Check(new IdentifySubject(4, "E-2077"), Investigating(identified), Now)!.Rule
            .ShouldBe("already-a-subject");
    }

    [Fact]
    public void a_case_is_referred_once()
    {
        ReferToCommissionDecision.Check(new ReferToCommission(3, "ethics"), Investigating(), Now).ShouldBeNull();
        ReferToCommissionDecision.Check(new ReferToCommission(4, "ethics"), Investigating(Referred), Now)!.Rule
            .ShouldBe("case-already-referred");
    }

    [Theory]
    [InlineData(CaseOutcome.ViolationConfirmed, null, "outcome-needs-finding")]
    [InlineData(CaseOutcome.ViolationConfirmed, false, "outcome-needs-finding")]
    [InlineData(CaseOutcome.ViolationConfirmed, true, null)]
    [InlineData(CaseOutcome.NoViolationFound, true, "outcome-needs-finding")]
    [InlineData(CaseOutcome.NoViolationFound, false, null)]
    [InlineData(CaseOutcome.Withdrawn, null, null)]
    [InlineData(CaseOutcome.ReferredToLawEnforcement, null, null)]
    public void the_outcome_must_agree_with_the_finding(CaseOutcome outcome, bool? violation, string? rule)
    {
        var state = violation switch
        {
            true => Investigating(AwaitingExplanation, ExplanationGiven, ViolationFound),
            false => Investigating(NoViolationFound),
            null => Investigating()
        };
        CloseCaseDecision.Check(new CloseCase(4, outcome, "Done"), state, Now)?.Rule.ShouldBe(rule);
        (CloseCaseDecision.Check(new CloseCase(4, outcome, "Done"), state, Now) is null).ShouldBe(rule is null);
    }

    [Fact]
    public void closing_twice_is_refused_and_reopening_needs_a_closed_case()
    {
        CloseCaseDecision.Check(new CloseCase(5, CaseOutcome.Withdrawn, "Again"), Investigating(Closed), Now)!.Rule
            .ShouldBe("case-already-closed");
        ReopenCaseDecision.Check(new ReopenCase(3, "Why"), Investigating(), Now)!.Rule.ShouldBe("case-not-closed");
    }

    [Fact]
    public void reopening_returns_to_the_investigation_and_clears_the_finding()
    {
        var state = Investigating(ViolationFound, Closed, Reopened);

        state.ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.UnderInvestigation),
            s => s.HasFinding.ShouldBeFalse(),
            s => s.IsClosed.ShouldBeFalse());
        Replay(Registered(), Acknowledged, Closed, Reopened).Status.ShouldBe(CaseStatus.Acknowledged);
        Replay(Registered(), Closed, Reopened).Status.ShouldBe(CaseStatus.Registered);
    }

    [Fact]
    public void decisions_never_change_the_state_they_are_given()
    {
        var state = Investigating(AwaitingExplanation);

        _ = RecordExplanationDecision.Decide(new RecordExplanation(4, "E-1042", Text: "t"), state, Now, Weekends, Statute);
        var next = state.Apply(new ExplanationReceived(Id, "E-1042", Received, "t"));

        next.HeardSubjects.ShouldBe(["E-1042"]);
        state.PendingExplanations.Keys.ShouldBe(["E-1042"]);
        state.HeardSubjects.ShouldBeEmpty();
    }
}

public class naming_stored_events
{
    [Fact]
    public void every_case_event_has_a_unique_stored_name()
    {
        var events = typeof(CaseRegistered).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CaseRegistered).Namespace && t.IsSealed && t.Name != nameof(Complainant)
                        && t.GetProperty("CaseId") is not null && t != typeof(Case));

        CaseEventNames.Stored.Keys.ShouldBe(events, ignoreOrder: true);
        CaseEventNames.Stored.Values.Distinct().Count().ShouldBe(CaseEventNames.Stored.Count);
    }

    [Fact]
    public void no_two_events_of_any_domain_share_a_stored_name()
    {
        var all = new[]
        {
            CaseEventNames.Stored, Domain.Commissions.CommissionEventNames.Stored, Domain.Meetings.MeetingEventNames.Stored,
            Domain.Sanctions.SanctionEventNames.Stored, Domain.Employees.EmployeeEventNames.Stored,
            Domain.Calendars.CalendarEventNames.Stored, Domain.Audit.AuditEventNames.Stored, Domain.Contacts.ContactEventNames.Stored
        }.SelectMany(m => m).ToArray();

        all.Select(e => e.Value).Distinct().Count().ShouldBe(all.Length);
        all.Select(e => e.Key).Distinct().Count().ShouldBe(all.Length);
    }
}

public class counting_working_days
{
    [Theory]
    [InlineData("2021-03-10", 1, "2021-03-11")]
    [InlineData("2021-03-12", 1, "2021-03-15")]
    [InlineData("2021-03-12", 2, "2021-03-16")]
    [InlineData("2021-03-13", 1, "2021-03-15")]
    [InlineData("2021-03-10", 0, "2021-03-10")]
    public void weekends_are_skipped(string start, int count, string expected) =>
        WorkingCalendar.WeekendsOnly.After(DateOnly.Parse(start), count).ShouldBe(DateOnly.Parse(expected));

    /// <summary>Kazakhstan, December 2021: Independence Day on Thursday 16 and Friday 17.</summary>
    private static readonly WorkingCalendar December2021 =
        new(new HashSet<DateOnly> { new(2021, 12, 16), new(2021, 12, 17) }, new HashSet<DateOnly> { new(2021, 12, 18) });

    [Theory]
    [InlineData("2021-12-15", 1, "2021-12-18")] // the holidays are skipped; Saturday 18 is worked instead
    [InlineData("2021-12-15", 3, "2021-12-21")]
    [InlineData("2021-12-17", 1, "2021-12-18")]
    public void holidays_are_skipped_and_working_weekend_days_count(string start, int count, string expected) =>
        December2021.After(DateOnly.Parse(start), count).ShouldBe(DateOnly.Parse(expected));

    [Fact]
    public void a_refusal_waits_past_a_holiday()
    {
        var calendar = new WorkingCalendar(new HashSet<DateOnly> { new(2021, 3, 22), new(2021, 3, 23) }, new HashSet<DateOnly>());

        // Requested on Friday 19 March 2021 before Nauryz (22-23 March): Wednesday and Thursday are the working days.
        RecordExplanationDecision.EarliestRefusalAct(new DateOnly(2021, 3, 19), calendar, Statute).ShouldBe(new DateOnly(2021, 3, 26));
    }
}
