using Cases.Domain.Meetings;
using static Cases.Domain.Tests.Meetings.MeetingHistory;

namespace Cases.Domain.Tests.Meetings;

/// <summary>
/// A regional commission's instruction to several bodies, some of them in the organisations it oversees (seed 001): each
/// reports its execution apart, and the decision is executed once all have.
/// </summary>
public class instructing_many_bodies
{
    private static readonly Oversight Region = new("pavlodar-region", ["nroc", "ekibastuz"]);
    private static readonly Executor Health = new(ExecutorKind.Unit, "Regional health department");
    private static readonly Executor Education = new(ExecutorKind.Unit, "Regional education department");
    private static readonly Executor Centre = new(ExecutorKind.Unit, "Compliance service", "nroc");
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Later = new(2021, 11, 20, 12, 0, 0, TimeSpan.FromHours(6));
    private static readonly DateOnly Due = new(2021, 12, 15);

    private static Meeting AllFor() => Open().Voted(1, [.. Voters.Select(v => (v, Vote.For))]);

    private static ResolveItem ToMany(params Executor[] addressees) => Proposal() with { Addressees = addressees };

    private static DecisionAdopted Adopted(params Executor[] addressees) => new(Id, MeetingId, CommissionId, "1/2021-1", 1,
        DecisionKind.Instruction, "Hear the akims' reports", null, null, Health, Due, Day, addressees);

    private static ProtocolDecision Decision(params object[] more) => History.Of<ProtocolDecision>([Adopted(Health, Education, Centre), .. more]);

    private static ReportExecution Executed(Executor? by, DateOnly? on = null) =>
        new(1, ExecutionProgress.Executed, "Done", ["Order No. 1"], on ?? new DateOnly(2021, 11, 20), by);

    [Fact]
    public void an_addressee_is_of_the_commissions_organisation_or_of_one_it_oversees()
    {
        ResolveItemDecision.Check(ToMany(Health, Centre, Centre with { Organisation = "pavlodar-region" }), AllFor(), Region).ShouldBeNull();

        var refused = ResolveItemDecision.Check(ToMany(Health, Centre with { Organisation = "almaty" }), AllFor(), Region).ShouldNotBeNull();

        refused.Rule.ShouldBe("addressee-not-overseen");
        refused.Detail.ShouldBe("Compliance service of almaty is in an organisation this commission neither belongs to nor oversees.");
        ResolveItemDecision.Check(ToMany(Centre), AllFor()).ShouldNotBeNull().Rule.ShouldBe("addressee-not-overseen");
    }

    [Fact]
    public void a_term_gives_the_due_date_its_last_day_or_the_end_of_the_first_reporting_period()
    {
        var halfYear = ResolveItemDecision.Decide(ToMany(Health, Centre) with { DueDate = null, Term = Term.InHalfYear(2022, 1) }, AllFor(),
            Id, Region).Adopted.ShouldNotBeNull();
        var ongoing = ResolveItemDecision.Decide(Proposal() with { DueDate = null, Term = Term.Ongoing(ReportingRhythm.Quarterly) }, AllFor(),
            Id).Adopted.ShouldNotBeNull();

        (halfYear.DueDate, halfYear.Term).ShouldBe((new DateOnly(2022, 6, 30), Term.InHalfYear(2022, 1)));
        halfYear.Addressees!.ShouldBe([Health, Centre]);
        ongoing.DueDate.ShouldBe(new DateOnly(2021, 12, 31));
        ongoing.Addressees.ShouldBeNull();
        ResolveItemDecision.Check(Proposal() with { DueDate = null, Term = Term.InHalfYear(2021, 1) }, AllFor())
            .ShouldNotBeNull().Rule.ShouldBe("date-before-meeting");
    }

    [Fact]
    public void each_addressee_reports_named_and_once_executed()
    {
        ReportExecutionDecision.Check(Executed(null), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("not-an-addressee");
        ReportExecutionDecision.Check(Executed(Health with { Name = "Akimat" }), Decision(), Later).ShouldNotBeNull().Rule.ShouldBe("not-an-addressee");
        ReportExecutionDecision.Check(Executed(Health), Decision(), Later).ShouldBeNull();
        var single = History.Of<ProtocolDecision>(new DecisionAdopted(Id, MeetingId, CommissionId, "1/2021-1", 1, DecisionKind.Instruction, "t",
            null, null, Health, Due, Day));
        ReportExecutionDecision.Check(Executed(Health), single, Later).ShouldNotBeNull().Rule.ShouldBe("not-an-addressee");

        var healthDone = Decision([.. ReportExecutionDecision.Decide(Executed(Health), Decision(), Later)]);

        ReportExecutionDecision.Check(Executed(Health), healthDone, Later).ShouldNotBeNull().Rule.ShouldBe("addressee-executed");
        healthDone.IsExecuted.ShouldBeFalse();
    }

    [Fact]
    public void the_decision_is_executed_on_the_day_its_last_addressee_executed_it_and_then_retracts_an_overdue_mark()
    {
        var twoDone = Decision([
            .. ReportExecutionDecision.Decide(Executed(Health, Due.AddDays(-9)), Decision(), Later),
            new ExecutionReported(Id, ExecutionProgress.Executed, "Done", ["Order"], Due.AddDays(-2), Education),
            new DecisionBecameOverdue(Id, Due)
        ]);

        var events = ReportExecutionDecision.Decide(Executed(Centre, Due), twoDone, Later.AddDays(30));

        events.Last().ShouldBeOfType<DecisionOverdueRetracted>().ExecutedOn.ShouldBe(Due);
        twoDone.Then([.. events]).ExecutedOn.ShouldBe(Due);
        ReportExecutionDecision.Decide(Executed(Centre, Due.AddDays(1)), twoDone, Later.AddDays(30)).ShouldHaveSingleItem();
    }

    [Fact]
    public void an_instruction_goes_to_each_other_organisation_with_its_own_addressees_only()
    {
        var adopted = Adopted(Health, Centre, Centre with { Name = "Legal service" }, Centre with { Organisation = "ekibastuz" });

        var issued = ReceivedInstruction.Issue(adopted, "pavlodar-region").ToArray();

        issued.Select(i => i.Organisation).ShouldBe(["nroc", "ekibastuz"]);
        issued[0].Message.Addressees.Select(a => a.Name).ShouldBe(["Compliance service", "Legal service"]);
    }

    [Fact]
    public void an_addressee_reports_on_an_instruction_received_and_the_decision_takes_the_report_once()
    {
        var issued = ReceivedInstruction.Issue(Adopted(Health, Centre), "pavlodar-region").Single().Message;
        var received = History.Of<ReceivedInstruction>(ReceivedInstruction.Receive(Guid.CreateVersion7(), issued));
        var report = new ReportInstructionExecution(1, ExecutionProgress.Executed, "Seminar held", ["Minutes No. 3"]);

        ReportInstructionExecutionDecision.Check(report with { Evidence = [] }, received, Later).ShouldNotBeNull().Rule.ShouldBe("evidence-required");
        ReportInstructionExecutionDecision.Check(report with { By = Health }, received, Later).ShouldNotBeNull().Rule.ShouldBe("not-an-addressee");
        var (reported, forwarded) = ReportInstructionExecutionDecision.Decide(report, received, Later, Guid.CreateVersion7());
        reported.By.ShouldBe(Centre);
        ReportInstructionExecutionDecision.Check(report, received.Then(reported), Later).ShouldNotBeNull().Rule.ShouldBe("addressee-executed");

        var taken = ReportInstructionExecutionDecision.Take(forwarded, Decision(), Later);
        var decision = Decision([.. taken]);

        taken.ShouldHaveSingleItem().ShouldBeOfType<ExecutionReported>().ShouldSatisfyAllConditions(
            e => e.By.ShouldBe(Centre), e => e.ReportId.ShouldBe(forwarded.ReportId));
        ReportInstructionExecutionDecision.Take(forwarded, decision, Later).ShouldBeEmpty();
        decision.HasExecuted(Centre).ShouldBeTrue();
    }
}
