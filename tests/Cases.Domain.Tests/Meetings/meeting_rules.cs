using Cases.Domain.Commissions;
using Cases.Domain.Meetings;

namespace Cases.Domain.Tests.Meetings;

public class quorum_arithmetic
{
    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 5, 3)]
    [InlineData(QuorumRule.MoreThanHalf, 6, 4)]
    [InlineData(QuorumRule.MoreThanHalf, 1, 1)]
    [InlineData(QuorumRule.TwoThirds, 5, 4)]
    [InlineData(QuorumRule.TwoThirds, 6, 4)]
    [InlineData(QuorumRule.TwoThirds, 7, 5)]
    [InlineData(QuorumRule.TwoThirds, 9, 6)]
    [InlineData(QuorumRule.TwoThirds, 0, 1)]
    [InlineData(QuorumRule.MoreThanHalf, 0, 1)]
    public void members_required(QuorumRule rule, int inOffice, int required) => Quorum.Required(rule, inOffice).ShouldBe(required);

    [Theory]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 5, "FFFAX", true)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 5, "FFAXX", false)]
    [InlineData(MajorityRule.MoreForThanAgainst, 5, "FFAXX", true)]
    [InlineData(MajorityRule.MoreForThanAgainst, 4, "FFAA", false)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 4, "FFAA", false)]
    public void majority(MajorityRule rule, int eligible, string votes, bool adopted) =>
        Quorum.Count(rule, eligible, Parse(votes), chairVote: Vote.For, chairHasCastingVote: false).Adopted.ShouldBe(adopted);

    [Theory]
    [InlineData(Vote.For, true)]
    [InlineData(Vote.Against, false)]
    public void a_casting_vote_decides_a_tie(Vote chair, bool adopted)
    {
        var tally = Quorum.Count(MajorityRule.MoreThanHalfOfPresent, 4, Parse("FFAA"), chair, chairHasCastingVote: true);

        tally.Adopted.ShouldBe(adopted);
        tally.CastingVoteUsed.ShouldBeTrue();
    }

    [Fact]
    public void an_abstaining_chair_has_no_casting_vote() =>
        Quorum.Count(MajorityRule.MoreThanHalfOfPresent, 4, Parse("FFAX"), Vote.Abstain, chairHasCastingVote: true).CastingVoteUsed.ShouldBeFalse();

    [Fact]
    public void under_more_than_half_of_present_a_tie_is_exactly_half_for()
    {
        // Two of five for is no tie, whatever the others did: the casting vote cannot make two a majority of five.
        var twoOfFive = Quorum.Count(MajorityRule.MoreThanHalfOfPresent, 5, Parse("FFAAX"), Vote.For, chairHasCastingVote: true);
        twoOfFive.Adopted.ShouldBeFalse();
        twoOfFive.CastingVoteUsed.ShouldBeFalse();
        // Two of four for, with an abstention, is half: the chair decides.
        Quorum.Count(MajorityRule.MoreThanHalfOfPresent, 4, Parse("FFAX"), Vote.For, chairHasCastingVote: true).Adopted.ShouldBeTrue();
        // Under more for than against, two for and two against is the tie.
        Quorum.Count(MajorityRule.MoreForThanAgainst, 5, Parse("FFAAX"), Vote.Against, chairHasCastingVote: true).CastingVoteUsed.ShouldBeTrue();
    }

    private static Vote[] Parse(string votes) => votes.Select(c => c switch { 'F' => Vote.For, 'A' => Vote.Against, _ => Vote.Abstain }).ToArray();
}

public class execution_rate
{
    private static readonly DateOnly From = new(2021, 1, 1);
    private static readonly DateOnly To = new(2021, 10, 31);
    private static readonly DateOnly Today = new(2021, 10, 20);

    [Fact]
    public void nine_of_ten_executed_on_time_is_ninety_percent()
    {
        var decisions = Enumerable.Range(1, 9).Select(i => new DueDecision(new DateOnly(2021, 3, i), new DateOnly(2021, 3, i)))
            .Append(new DueDecision(new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 2)));

        var rate = ExecutionRate.Compute(From, To, decisions, Today);

        rate.RatePercent.ShouldBe(90.0m);
        (rate.Due, rate.ExecutedOnTime, rate.ExecutedLate).ShouldBe((10, 9, 1));
    }

    [Fact]
    public void decisions_not_yet_due_count_in_neither_executed_or_not_overdue_ones_in_the_denominator()
    {
        var rate = ExecutionRate.Compute(From, To,
        [
            new DueDecision(new DateOnly(2021, 5, 1), new DateOnly(2021, 4, 30)),
            new DueDecision(new DateOnly(2021, 5, 1), null),
            new DueDecision(Today, null),
            new DueDecision(Today.AddDays(5), Today),
            new DueDecision(new DateOnly(2021, 11, 1), new DateOnly(2021, 10, 1))
        ], Today);

        rate.ShouldBe(new ExecutionRate(From, To, Due: 4, ExecutedOnTime: 1, ExecutedLate: 0, Overdue: 1, NotYetDue: 2, RatePercent: 50.0m));
    }

    [Fact]
    public void nothing_due_has_no_rate() => ExecutionRate.Compute(From, To, [], Today).RatePercent.ShouldBeNull();
}

public class decision_deadlines
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateOnly Due = new(2021, 11, 15);
    private static readonly ProtocolDecision Adopted = ProtocolDecision.Create(new DecisionAdopted(Id, Guid.CreateVersion7(), Guid.CreateVersion7(),
        "1/2021-1", 1, DecisionKind.Instruction, "Do it", null, null, new Executor(ExecutorKind.Unit, "Surgery"), Due, new DateOnly(2021, 11, 1)));
    private static readonly DateTimeOffset LastMomentOfDueDate = new(2021, 11, 15, 23, 59, 59, TimeSpan.FromHours(6));
    private static readonly DateTimeOffset FirstMomentAfter = new(2021, 11, 16, 0, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public void overdue_from_the_first_moment_after_the_due_date_on_the_organisations_clock()
    {
        DecisionDeadline.Decide(new DecisionDueDatePassed(Id, Due), Adopted, LastMomentOfDueDate).ShouldBeNull();
        DecisionDeadline.Decide(new DecisionDueDatePassed(Id, Due), Adopted, FirstMomentAfter).ShouldBe(new DecisionBecameOverdue(Id, Due));
        DecisionDeadline.OverdueFrom(Due).ShouldBe(new DateOnly(2021, 11, 16));
    }

    [Fact]
    public void an_executed_or_extended_decision_is_not_overdue()
    {
        var executed = Adopted.Apply(new ExecutionReported(Id, ExecutionProgress.Executed, "Done", ["Order"], Due));
        var extended = Adopted.Apply(new ExtensionGranted(Id, Due.AddDays(10), Due));

        DecisionDeadline.Decide(new DecisionDueDatePassed(Id, Due), executed, FirstMomentAfter).ShouldBeNull();
        DecisionDeadline.Decide(new DecisionDueDatePassed(Id, Due), extended, FirstMomentAfter).ShouldBeNull();
        DecisionDeadline.StillAwaited(new DecisionDueDatePassed(Id, Due.AddDays(10)), extended).ShouldBeTrue();
    }

    [Fact]
    public void a_partial_report_does_not_stop_the_clock()
    {
        var partial = Adopted.Apply(new ExecutionReported(Id, ExecutionProgress.PartiallyExecuted, "Half", [], Due));

        DecisionDeadline.Decide(new DecisionDueDatePassed(Id, Due), partial, FirstMomentAfter).ShouldNotBeNull();
    }

    [Fact]
    public void an_extension_is_asked_before_the_due_date_passes_and_moves_it_later()
    {
        var now = FirstMomentAfter;
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r"), Adopted, now)!.Rule.ShouldBe("decision-overdue");
        RequestExtensionDecision.Check(new RequestExtension(1, Due.AddDays(5), "r", RequestedOn: Due), Adopted, now).ShouldBeNull();
        RequestExtensionDecision.Check(new RequestExtension(1, Due, "r", RequestedOn: Due), Adopted, now)!.Rule.ShouldBe("extension-not-later");
    }
}

public class commission_composition
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static Commission Standing() => Commission.Create(new CommissionEstablished(Id, "Ethics", CommissionKind.Ethics, QuorumRule.MoreThanHalf,
            MajorityRule.MoreThanHalfOfPresent, false, new DateOnly(2021, 1, 4)))
        .Apply(new CommissionMemberAppointed(Id, "M-1", "Chair", "m-1", MemberRole.Chair, new DateOnly(2021, 1, 4)))
        .Apply(new CommissionMemberAppointed(Id, "M-2", "Member", null, MemberRole.Member, new DateOnly(2021, 3, 1)))
        .Apply(new CommissionMemberReleased(Id, "M-2", new DateOnly(2021, 6, 30)));

    [Fact]
    public void a_member_is_in_office_from_the_first_to_the_last_day_included()
    {
        var commission = Standing();

        commission.InOffice(new DateOnly(2021, 2, 28)).Select(m => m.PersonnelNumber).ShouldBe(["M-1"]);
        commission.InOffice(new DateOnly(2021, 3, 1)).Select(m => m.PersonnelNumber).ShouldBe(["M-1", "M-2"]);
        commission.InOffice(new DateOnly(2021, 6, 30)).Select(m => m.PersonnelNumber).ShouldBe(["M-1", "M-2"]);
        commission.InOffice(new DateOnly(2021, 7, 1)).Select(m => m.PersonnelNumber).ShouldBe(["M-1"]);
    }

    [Fact]
    public void a_former_member_can_be_appointed_again_and_the_released_chairs_seat_is_free_after_they_left()
    {
        var commission = Standing();

        AppointMemberDecision.Check(new AppointMember(4, "M-2", "Back", MemberRole.Member, new DateOnly(2021, 9, 1)), commission).ShouldBeNull();
        AppointMemberDecision.Check(new AppointMember(4, "M-2", "Overlapping", MemberRole.Member, new DateOnly(2021, 6, 30)), commission)!.Rule
            .ShouldBe("already-a-member");
        AppointMemberDecision.Check(new AppointMember(4, "M-3", "Chair two", MemberRole.Chair, new DateOnly(2021, 9, 1)), commission)!.Rule.ShouldBe("role-taken");
        var chairless = commission.Apply(new CommissionMemberReleased(Id, "M-1", new DateOnly(2021, 8, 31)));
        AppointMemberDecision.Check(new AppointMember(5, "M-3", "Chair two", MemberRole.Chair, new DateOnly(2021, 8, 31)), chairless)!.Rule.ShouldBe("role-taken");
        AppointMemberDecision.Check(new AppointMember(5, "M-3", "Chair two", MemberRole.Chair, new DateOnly(2021, 9, 1)), chairless).ShouldBeNull();
    }
}

public class automatic_recusal
{
    private static readonly Guid MeetingId = Guid.CreateVersion7();

    [Fact]
    public void subjects_and_complainants_of_an_items_case_are_recused_from_that_item_only()
    {
        var meeting = Meeting.Create(new MeetingScheduled(MeetingId, Guid.CreateVersion7(), new DateTimeOffset(2021, 11, 15, 10, 0, 0, TimeSpan.FromHours(6)),
            "Room", [new AgendaItem(1, "Case 2021-0001", Guid.CreateVersion7(), "2021-0001"), new AgendaItem(2, "Report")]));
        SittingMember[] present =
        [
            new("M-1", "Chair", null, MemberRole.Chair),
            new("M-2", "Subject", null, MemberRole.Member),
            new("M-3", "Complainant", null, MemberRole.Member),
            new("S-1", "Secretary", null, MemberRole.Secretary)
        ];

        var recusals = CaseParties.Recusals(meeting, present, new Dictionary<int, CaseParties> { [1] = new(["M-2", "S-1"], "M-3") }).ToArray();

        recusals.Select(r => (r.ItemNumber, r.PersonnelNumber, r.Ground)).ShouldBe(
            [(1, "M-2", RecusalGround.SubjectOfCase), (1, "M-3", RecusalGround.ComplainantOfCase)]);
    }
}
