using Cases.Domain.Calls;

namespace Cases.Domain.Tests.Calls;

/// <summary>A month is logged day by day, whole or not at all: logged days with the same calls are left as they are.</summary>
public class logging_a_months_calls
{
    private static CallsLogged Day(int day, params int[] durations) =>
        LogCallsDecision.Record("call-centre", new DateOnly(2021, 3, day),
            durations.Select((d, i) => (new TimeOnly(9, i), d, "Appointment", false)).ToArray());

    private static Dictionary<DateOnly, CallsLogged> Logged(params CallsLogged[] days) => days.ToDictionary(d => d.Date);

    [Fact]
    public void days_not_logged_yet_are_logged_and_days_logged_with_the_same_calls_are_left()
    {
        var decided = LogMonthCallsDecision.Decide([Day(1, 60), Day(2, 30, 40), Day(3)], Logged(Day(2, 30, 40)));

        decided.ToLog.Select(d => d.Date.Day).ShouldBe([1, 3]);
        decided.AlreadyLogged.Select(d => d.Date.Day).ShouldBe([2]);
    }

    [Fact]
    public void a_month_logged_already_logs_nothing() =>
        LogMonthCallsDecision.Decide([Day(1, 60), Day(2, 30)], Logged(Day(1, 60), Day(2, 30))).ToLog.ShouldBeEmpty();

    [Fact]
    public void days_logged_with_other_calls_refuse_the_month_naming_each()
    {
        var violation = LogMonthCallsDecision.Check([Day(1, 60), Day(2, 30), Day(3, 10)], Logged(Day(2, 31), Day(3, 10, 20), Day(4, 5)))!;

        violation.Rule.ShouldBe("calls-already-logged");
        violation.Detail.ShouldContain("2021-03-02 (1 calls), 2021-03-03 (2 calls)");
        violation.Detail.ShouldNotContain("2021-03-01");
        Should.Throw<InvalidOperationException>(() => LogMonthCallsDecision.Decide([Day(2, 30)], Logged(Day(2, 31))));
    }
}
