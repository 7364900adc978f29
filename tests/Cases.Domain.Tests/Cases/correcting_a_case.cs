using Cases.Domain.Cases;
using Cases.Domain.Public;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

public class correcting_a_case
{
    private static CorrectCase To(Channel? channel = null, Category? category = null, CaseOutcome? outcome = null) =>
        new(1, "Stored for two channels joined by a comma", channel, category, outcome);

    [Fact]
    public void a_stored_unknown_channel_is_mended_to_the_one_meant()
    {
        var state = Replay(Registered() with { Channel = Channel.Unknown });

        CorrectCaseDecision.Check(To(channel: Channel.Internal), state).ShouldBeNull();
        CorrectCaseDecision.Decide(To(channel: Channel.Internal), state, new StoredValue(17, "15"), Now)
            .ShouldBe(new CaseChannelCorrected(Id, 17, "15", Channel.Internal, "Stored for two channels joined by a comma", new DateOnly(2021, 3, 20)));
    }

    [Fact]
    public void the_value_it_already_has_is_nothing_to_correct()
    {
        CorrectCaseDecision.Check(To(channel: Channel.CallCentre), Replay(Registered()))!.Rule.ShouldBe("nothing-to-correct");
        CorrectCaseDecision.Check(To(category: Category.MedicalCare), Replay(Registered()))!.Rule.ShouldBe("nothing-to-correct");
    }

    [Fact]
    public void an_open_case_has_no_outcome_to_correct()
    {
        CorrectCaseDecision.Check(To(outcome: CaseOutcome.NoViolationFound), Investigating())!.Rule.ShouldBe("case-not-closed");
        CorrectCaseDecision.Check(To(outcome: CaseOutcome.NoViolationFound), Investigating(Closed)).ShouldBeNull();
    }

    [Fact]
    public void the_public_channel_is_neither_given_nor_taken_away()
    {
        CorrectCaseDecision.Check(To(channel: Channel.Public), Replay(Registered()))!.Rule.ShouldBe("public-channel-reserved");
        var reported = Replay(Registered() with { Channel = Channel.Public }, new ReceiptIssued(Id, "ABCDEFGH", "s", "h", 1, true, Now));
        CorrectCaseDecision.Check(To(channel: Channel.Hotline), reported)!.Rule.ShouldBe("public-channel-reserved");
    }
}
