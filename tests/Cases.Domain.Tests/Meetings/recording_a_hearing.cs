using Cases.Domain.Meetings;

namespace Cases.Domain.Tests.Meetings;

/// <summary>The regional commission hearing the head of the health care department (seed 001).</summary>
public class recording_a_hearing
{
    private static RecordHearing Hearing(int item = 1, string name = "Mukashev O.") =>
        new(3, item, $" {name} ", "Head of the department", "Regional health care department", " The state of work on eliminating corruption risks ");

    [Fact]
    public void a_hearing_is_recorded_while_the_meeting_is_in_session()
    {
        RecordHearingDecision.Check(Hearing(), MeetingHistory.Scheduled())!.Rule.ShouldBe("meeting-not-open");
        RecordHearingDecision.Check(Hearing(), MeetingHistory.Signed())!.Rule.ShouldBe("minutes-signed");
        RecordHearingDecision.Check(Hearing(), MeetingHistory.Cancelled())!.Rule.ShouldBe("meeting-cancelled");
        RecordHearingDecision.Check(Hearing(), MeetingHistory.Open()).ShouldBeNull();
    }

    [Fact]
    public void a_hearing_is_on_an_item_of_the_agenda()
    {
        RecordHearingDecision.Check(Hearing(item: 3), MeetingHistory.Open())!.Rule.ShouldBe("no-such-item");
        RecordHearingDecision.Check(Hearing(item: 2), MeetingHistory.Open()).ShouldBeNull();
    }

    [Fact]
    public void a_person_is_heard_once_on_an_item()
    {
        var heard = MeetingHistory.Open().Then(RecordHearingDecision.Decide(Hearing(), MeetingHistory.Open()));
        RecordHearingDecision.Check(Hearing(name: "MUKASHEV O."), heard)!.Rule.ShouldBe("already-heard");
        RecordHearingDecision.Check(Hearing(item: 2), heard).ShouldBeNull();
        RecordHearingDecision.Check(Hearing(name: "Bolathanuly D."), heard).ShouldBeNull();
    }

    [Fact]
    public void the_hearing_is_recorded_trimmed_on_its_item()
    {
        var recorded = RecordHearingDecision.Decide(Hearing(), MeetingHistory.Open());
        (recorded.MeetingId, recorded.ItemNumber, recorded.FullName, recorded.Subject)
            .ShouldBe((MeetingHistory.MeetingId, 1, "Mukashev O.", "The state of work on eliminating corruption risks"));
        BusinessDates.Of(recorded).By.ShouldBe(DatedBy.PreviousFact);
    }
}
