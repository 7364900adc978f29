using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using static Cases.Domain.Tests.Meetings.MeetingHistory;

namespace Cases.Domain.Tests.Meetings;

public class executing_a_decision
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateOnly Adopted = Day;
    private static readonly DateOnly Due = new(2021, 12, 15);
    private static readonly DateTimeOffset Later = new(2021, 11, 20, 12, 0, 0, TimeSpan.FromHours(6));

    private static ProtocolDecision Decision(params object[] more) => History.Of<ProtocolDecision>(
    [
        new DecisionAdopted(Id, MeetingId, CommissionId, "1/2021-1", 1, DecisionKind.Instruction, "Hold a staff meeting", null, null,
            new Executor(ExecutorKind.Unit, "Surgery"), Due, Adopted),
        .. more
    ]);

    private static ReportExecution Executed(DateOnly? on = null) => new(1, ExecutionProgress.Executed, "Done", ["Order No. 1"], on);

    private static readonly ExtensionRequested Pending = new(Id, Due.AddDays(10), "Holidays", Adopted.AddDays(1));

    [Fact]
    public void an_executed_report_needs_evidence_and_a_partial_one_does_not()
    {
        ReportExecutionDecision.Check(Executed() with { Evidence = [] }, Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("evidence-required");
        ReportExecutionDecision.Check(new ReportExecution(1, ExecutionProgress.PartiallyExecuted, "Half", []), Decision(), Later).ShouldBeNull();
        ReportExecutionDecision.Decide(Executed(), Decision(), Later).ShouldHaveSingleItem()
            .ShouldBeOfType<ExecutionReported>().ReportedOn.ShouldBe(new DateOnly(2021, 11, 20));
    }

    [Fact]
    public void an_executed_decision_takes_no_more_reports_or_extensions()
    {
        var executed = Decision(Pending, new ExecutionReported(Id, ExecutionProgress.Executed, "Done", ["Order No. 1"], Adopted.AddDays(3)));

        ReportExecutionDecision.Check(Executed(), executed, Later).ShouldNotBeNull().Rule.ShouldBe("decision-executed");
        RequestExtensionDecision.Check(new RequestExtension(3, Due.AddDays(5), "r"), executed, Later).ShouldNotBeNull().Rule.ShouldBe("decision-executed");
        GrantExtensionDecision.Check(new GrantExtension(3, Due.AddDays(5)), executed, Later).ShouldNotBeNull().Rule.ShouldBe("decision-executed");
        RefuseExtensionDecision.Check(new RefuseExtension(3, "r"), executed, Later).ShouldNotBeNull().Rule.ShouldBe("decision-executed");
    }

    [Fact]
    public void a_report_or_a_request_is_dated_from_the_adoption_on()
    {
        ReportExecutionDecision.Check(Executed(Adopted), Decision(), Later).ShouldBeNull();
        ReportExecutionDecision.Check(Executed(Adopted.AddDays(-1)), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("date-before-adoption");
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r", Adopted), Decision(), Later).ShouldBeNull();
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r", Adopted.AddDays(-1)), Decision(), Later)
            .ShouldNotBeNull().Rule.ShouldBe("date-before-adoption");
    }

    [Fact]
    public void an_extension_is_asked_by_the_due_date_and_never_once_overdue()
    {
        var afterDue = new DateTimeOffset(2021, 12, 16, 0, 0, 0, TimeSpan.FromHours(6));

        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r", Due), Decision(), afterDue).ShouldBeNull();
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r", Due.AddDays(1)), Decision(), afterDue)
            .ShouldNotBeNull().Rule.ShouldBe("decision-overdue");
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r"), Decision(), afterDue).ShouldNotBeNull().Rule.ShouldBe("decision-overdue");
    }

    [Fact]
    public void a_request_made_in_time_is_in_time_though_entered_after_the_service_marked_the_decision_overdue()
    {
        var marked = Decision(new DecisionBecameOverdue(Id, Due));
        var years = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(5));

        RequestExtensionDecision.Check(new RequestExtension(2, Due.AddDays(5), "r", Due), marked, years).ShouldBeNull();
        RequestExtensionDecision.Check(new RequestExtension(2, Due.AddDays(5), "r", Due.AddDays(1)), marked, years)
            .ShouldNotBeNull().Rule.ShouldBe("decision-overdue");
    }

    [Fact]
    public void an_execution_by_the_due_date_entered_after_the_overdue_mark_retracts_it()
    {
        var marked = Decision(new DecisionBecameOverdue(Id, Due));
        var years = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(5));

        var events = ReportExecutionDecision.Decide(Executed(Due), marked, years);

        events.Select(e => e.GetType()).ShouldBe([typeof(ExecutionReported), typeof(DecisionOverdueRetracted)]);
        events[1].ShouldBe(new DecisionOverdueRetracted(Id, 0, Due, Due));
        marked.IsOverdue.ShouldBeTrue();
        marked.Then([.. events]).ShouldSatisfyAllConditions(
            d => d.IsOverdue.ShouldBeFalse(),
            d => d.ExecutedOn.ShouldBe(Due));
    }

    [Fact]
    public void a_late_or_partial_execution_leaves_the_overdue_mark_as_it_is()
    {
        var marked = Decision(new DecisionBecameOverdue(Id, Due));
        var years = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(5));

        ReportExecutionDecision.Decide(Executed(Due.AddDays(1)), marked, years).ShouldHaveSingleItem().ShouldBeOfType<ExecutionReported>();
        ReportExecutionDecision.Decide(new ReportExecution(2, ExecutionProgress.PartiallyExecuted, "Half", [], Due), marked, years)
            .ShouldHaveSingleItem().ShouldBeOfType<ExecutionReported>();
        // Without a mark there is nothing to retract, however late the report is entered.
        ReportExecutionDecision.Decide(Executed(Due), Decision(), years).ShouldHaveSingleItem().ShouldBeOfType<ExecutionReported>();
    }

    [Fact]
    public void a_grant_clears_the_overdue_mark_of_the_old_due_date()
    {
        var marked = Decision(new DecisionBecameOverdue(Id, Due), Pending with { RequestedOn = Due });

        var granted = marked.Then(GrantExtensionDecision.Decide(new GrantExtension(3, GrantedOn: Due.AddDays(2)), marked, Later.AddMonths(1)));

        (granted.IsOverdue, granted.DueDate).ShouldBe((false, Due.AddDays(10)));
    }

    [Fact]
    public void an_execution_is_dated_on_or_after_the_extension_requests_and_answers_already_recorded()
    {
        var requested = Decision(Pending);
        var granted = Decision(Pending, new ExtensionGranted(Id, Due.AddDays(10), Due.AddDays(2)));
        var refused = Decision(Pending, new ExtensionRefused(Id, "No", Due.AddDays(2)));

        ReportExecutionDecision.Check(Executed(Pending.RequestedOn.AddDays(-1)), requested, Later).ShouldNotBeNull().Rule.ShouldBe("date-before-extension");
        ReportExecutionDecision.Check(Executed(Pending.RequestedOn), requested, Later).ShouldBeNull();
        ReportExecutionDecision.Check(Executed(Due.AddDays(1)), granted, Later.AddMonths(1)).ShouldNotBeNull().Rule.ShouldBe("date-before-extension");
        ReportExecutionDecision.Check(Executed(Due.AddDays(2)), granted, Later.AddMonths(1)).ShouldBeNull();
        ReportExecutionDecision.Check(Executed(Due.AddDays(1)), refused, Later.AddMonths(1)).ShouldNotBeNull().Rule.ShouldBe("date-before-extension");
        // Progress short of execution leaves the request or its answer possible.
        ReportExecutionDecision.Check(new ReportExecution(3, ExecutionProgress.PartiallyExecuted, "Half", [], Due.AddDays(1)), granted, Later.AddMonths(1))
            .ShouldBeNull();
    }

    [Fact]
    public void an_answer_to_a_request_is_dated_on_or_after_the_request()
    {
        var requested = Decision(Pending);
        var on = Pending.RequestedOn;

        GrantExtensionDecision.Check(new GrantExtension(2, GrantedOn: on), requested, Later).ShouldBeNull();
        GrantExtensionDecision.Check(new GrantExtension(2, GrantedOn: on.AddDays(-1)), requested, Later)
            .ShouldNotBeNull().Rule.ShouldBe("date-before-request");
        RefuseExtensionDecision.Check(new RefuseExtension(2, "r", on), requested, Later).ShouldBeNull();
        RefuseExtensionDecision.Check(new RefuseExtension(2, "r", on.AddDays(-1)), requested, Later)
            .ShouldNotBeNull().Rule.ShouldBe("date-before-request");
    }

    [Fact]
    public void an_extension_moves_the_due_date_later_one_request_at_a_time()
    {
        RequestExtensionDecision.Check(new RequestExtension(1, Due, "r"), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("extension-not-later");
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(1), "r"), Decision(), Later).ShouldBeNull();
        RequestExtensionDecision.Check(new RequestExtension(2, Due.AddDays(20), "r"), Decision(Pending), Later).ShouldNotBeNull().Rule.ShouldBe("extension-pending");

        GrantExtensionDecision.Check(new GrantExtension(2, Due), Decision(Pending), Later).ShouldNotBeNull().Rule.ShouldBe("extension-not-later");
        GrantExtensionDecision.Check(new GrantExtension(2, Due.AddDays(1)), Decision(Pending), Later).ShouldBeNull();
        var granted = GrantExtensionDecision.Decide(new GrantExtension(2), Decision(Pending), Later);
        granted.ShouldBe(new ExtensionGranted(Id, Due.AddDays(10), new DateOnly(2021, 11, 20)));
        Decision(Pending, granted).ShouldSatisfyAllConditions(
            d => d.DueDate.ShouldBe(Due.AddDays(10)),
            d => d.HasPendingExtension.ShouldBeFalse());
    }

    [Fact]
    public void only_a_pending_request_is_granted_or_refused()
    {
        GrantExtensionDecision.Check(new GrantExtension(1), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("no-extension-requested");
        RefuseExtensionDecision.Check(new RefuseExtension(1, "r"), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("no-extension-requested");
        RefuseExtensionDecision.Check(new RefuseExtension(2, "r"), Decision(Pending), Later).ShouldBeNull();
        var refused = Decision(Pending, RefuseExtensionDecision.Decide(new RefuseExtension(2, " Not justified "), Decision(Pending), Later));
        (refused.DueDate, refused.HasPendingExtension).ShouldBe((Due, false));
    }
}

public class appointing_and_releasing_members
{
    private static AppointMember Appointment(string member, MemberRole role, DateOnly from) => new(9, member, $"Member {member}", role, from);

    [Fact]
    public void an_appointment_starts_on_the_day_the_commission_was_established_or_later()
    {
        AppointMemberDecision.Check(Appointment("M-9", MemberRole.Member, Established), Commission()).ShouldBeNull();
        AppointMemberDecision.Check(Appointment("M-9", MemberRole.Member, Established.AddDays(-1)), Commission())
            .ShouldNotBeNull().Rule.ShouldBe("date-before-establishment");
    }

    [Fact]
    public void a_sitting_member_is_not_appointed_again_and_a_former_one_returns_after_their_last_day()
    {
        var released = Commission().Then(new CommissionMemberReleased(CommissionId, "M-2", new DateOnly(2021, 6, 30)));

        AppointMemberDecision.Check(Appointment("M-2", MemberRole.Member, new DateOnly(2021, 5, 1)), Commission())
            .ShouldNotBeNull().Rule.ShouldBe("already-a-member");
        AppointMemberDecision.Check(Appointment("M-2", MemberRole.Member, new DateOnly(2021, 6, 30)), released)
            .ShouldNotBeNull().Rule.ShouldBe("already-a-member");
        AppointMemberDecision.Check(Appointment("M-2", MemberRole.Member, new DateOnly(2021, 7, 1)), released).ShouldBeNull();
    }

    [Fact]
    public void there_is_one_chair_and_one_secretary_at_a_time()
    {
        AppointMemberDecision.Check(Appointment("M-7", MemberRole.Chair, new DateOnly(2021, 5, 1)), Commission())
            .ShouldNotBeNull().Rule.ShouldBe("role-taken");
        AppointMemberDecision.Check(Appointment("S-2", MemberRole.Secretary, new DateOnly(2021, 5, 1)), Commission())
            .ShouldNotBeNull().Rule.ShouldBe("role-taken");
        AppointMemberDecision.Check(Appointment("M-7", MemberRole.DeputyChair, new DateOnly(2021, 5, 1)), Commission()).ShouldBeNull();
    }

    [Fact]
    public void a_release_ends_a_sitting_members_office_on_or_after_its_first_day()
    {
        var released = Commission().Then(new CommissionMemberReleased(CommissionId, "M-2", new DateOnly(2021, 6, 30)));

        ReleaseMemberDecision.Check(new ReleaseMember(9, "M-9"), Commission(), Now).ShouldNotBeNull().Rule.ShouldBe("not-a-member");
        ReleaseMemberDecision.Check(new ReleaseMember(9, "M-2"), released, Now).ShouldNotBeNull().Rule.ShouldBe("not-a-member");
        ReleaseMemberDecision.Check(new ReleaseMember(9, "M-3", Established), Commission(), Now).ShouldBeNull();
        ReleaseMemberDecision.Check(new ReleaseMember(9, "M-3", Established.AddDays(-1)), Commission(), Now)
            .ShouldNotBeNull().Rule.ShouldBe("date-before-appointment");
        ReleaseMemberDecision.Decide(new ReleaseMember(9, " M-3 "), Commission(), Now).ShouldBe(new CommissionMemberReleased(CommissionId, "M-3", Day));
    }
}
