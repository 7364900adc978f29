using Cases.Domain.Calls;

namespace Cases.Domain.Tests.Calls;

/// <summary>A logged day's calls are corrected whole: the day then holds the corrected calls, which a retried import matches.</summary>
public class correcting_a_days_calls
{
    private static readonly DateOnly Day = new(2021, 3, 1);

    private static CallsLogged Record(params (string At, int Duration, bool Corruption)[] calls) =>
        LogCallsDecision.Record("call-centre", Day, calls.Select(c => (TimeOnly.Parse(c.At), c.Duration, "Appointment", c.Corruption)).ToArray());

    private static readonly CallsLogged Logged = Record(("09:00", 60, false), ("09:30", 30, false));

    [Fact]
    public void the_day_stands_as_last_logged_or_corrected_with_its_streams_version()
    {
        LoggedDay.Of([]).ShouldBeNull();
        var day = LoggedDay.Of([Logged])!;
        day.Version.ShouldBe(1);

        var corrected = CorrectCallsDecision.Decide(Record(("09:00", 60, true)), day, " A call was logged twice ");
        (corrected.Count, corrected.AboutCorruption, corrected.Reason).ShouldBe((1, 1, "A call was logged twice"));
        corrected.AboutCorruptionAt.ShouldBe([0]);

        var after = LoggedDay.Of([Logged, corrected])!;
        after.Version.ShouldBe(2);
        after.Calls.ShouldBeEquivalentTo(corrected.AsLogged());
    }

    [Fact]
    public void the_calls_the_day_holds_already_change_nothing_and_are_refused()
    {
        var day = LoggedDay.Of([Logged])!;
        CorrectCallsDecision.Check(Record(("09:30", 30, false), ("09:00", 60, false)), day)!.Rule.ShouldBe("nothing-to-correct");
        Should.Throw<InvalidOperationException>(() => CorrectCallsDecision.Decide(Logged, day, "Again"));

        var corrected = LoggedDay.Of([Logged, CorrectCallsDecision.Decide(Record(("09:00", 60, false)), day, "Logged twice")])!;
        CorrectCallsDecision.Check(Record(("09:00", 60, false)), corrected)!.Rule.ShouldBe("nothing-to-correct");
        CorrectCallsDecision.Check(Logged, corrected).ShouldBeNull();
    }

    [Fact]
    public void an_import_after_a_correction_is_compared_with_the_corrected_calls()
    {
        var corrected = LoggedDay.Of([Logged, CorrectCallsDecision.Decide(Record(("09:00", 60, false)), LoggedDay.Of([Logged])!, "Logged twice")])!;

        LogCallsDecision.Decide(Record(("09:00", 60, false)), corrected.Calls).ShouldBeNull();
        LogCallsDecision.Check(Logged, corrected.Calls)!.Detail.ShouldContain("correct the day's calls");
    }

    [Fact]
    public void a_correction_counts_from_the_start() =>
        BusinessDates.Of(CorrectCallsDecision.Decide(Record(("09:00", 60, false)), LoggedDay.Of([Logged])!, "Logged twice")).By.ShouldBe(DatedBy.Correction);
}
