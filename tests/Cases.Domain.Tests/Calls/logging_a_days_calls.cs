using Cases.Domain.Calls;

namespace Cases.Domain.Tests.Calls;

/// <summary>A line's day is logged once: the same calls again record nothing, other calls are refused.</summary>
public class logging_a_days_calls
{
    private static readonly DateOnly Day = new(2021, 3, 1);

    private static CallsLogged Record(params (string At, int Duration, string Topic, bool Corruption)[] calls) =>
        LogCallsDecision.Record("call-centre", Day, calls.Select(c => (TimeOnly.Parse(c.At), c.Duration, c.Topic, c.Corruption)).ToArray());

    [Fact]
    public void the_calls_are_kept_in_order_of_time_with_their_counts()
    {
        var record = Record(("10:00", 60, "Appointment", false), ("09:00:30", 120, " Bribe offered ", true));

        (record.Count, record.AboutCorruption).ShouldBe((2, 1));
        record.StartedAtSecond.ShouldBe([9 * 3600 + 30, 10 * 3600]);
        record.DurationSeconds.ShouldBe([120, 60]);
        record.Topics.ShouldBe(["Bribe offered", "Appointment"]);
        record.AboutCorruptionAt.ShouldBe([0]);
    }

    [Fact]
    public void a_day_not_logged_yet_is_logged() =>
        LogCallsDecision.Decide(Record(("09:00", 60, "Appointment", false)), null).ShouldNotBeNull();

    [Fact]
    public void the_same_calls_again_in_another_order_record_nothing()
    {
        var first = Record(("09:00", 60, "Appointment", false), ("10:00", 30, "Results", false));
        var again = Record(("10:00", 30, "Results", false), ("09:00", 60, "Appointment", false));

        LogCallsDecision.Check(again, first).ShouldBeNull();
        LogCallsDecision.Decide(again, first).ShouldBeNull();
    }

    [Fact]
    public void other_calls_for_a_logged_day_are_refused()
    {
        var first = Record(("09:00", 60, "Appointment", false));

        LogCallsDecision.Check(Record(("09:00", 60, "Appointment", true)), first)!.Rule.ShouldBe("calls-already-logged");
        LogCallsDecision.Check(Record(("09:00", 60, "Appointment", false), ("09:05", 10, "Results", false)), first)!.Rule.ShouldBe("calls-already-logged");
        Should.Throw<InvalidOperationException>(() => LogCallsDecision.Decide(Record(("09:01", 60, "Appointment", false)), first));
    }

    [Fact]
    public void configuring_a_line_as_it_is_records_nothing()
    {
        var line = new CallLine { LineId = "compliance", Name = "Compliance phone", Kind = LineKind.CompliancePhone };

        ConfigureCallLineDecision.Decide(new ConfigureCallLine(" Compliance phone ", LineKind.CompliancePhone), "compliance", line).ShouldBeEmpty();
        ConfigureCallLineDecision.Decide(new ConfigureCallLine("Compliance service", LineKind.CompliancePhone), "compliance", line)
            .ShouldBe([new CallLineConfigured("compliance", "Compliance service", LineKind.CompliancePhone)]);
    }
}
