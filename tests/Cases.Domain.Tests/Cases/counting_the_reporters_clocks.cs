using Cases.Domain.Cases;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Cases;

/// <summary>Directive (EU) 2019/1937 art. 9(1)(b) and (f), counted on business dates alone.</summary>
public class counting_the_reporters_clocks
{
    private static readonly ReporterDeadlines Directive = new();
    private static readonly DateOnly March1 = new(2021, 3, 1);

    [Fact]
    public void feedback_is_due_three_months_after_the_seven_days_of_acknowledgement_while_none_is_recorded()
    {
        Directive.AcknowledgementDueOn(March1).ShouldBe(new DateOnly(2021, 3, 8));
        Directive.FeedbackDueOn(March1, null).ShouldBe(new DateOnly(2021, 6, 8));
    }

    [Fact]
    public void once_acknowledged_feedback_is_due_three_months_after_the_acknowledgement()
    {
        Directive.FeedbackDueOn(March1, new DateOnly(2021, 3, 3)).ShouldBe(new DateOnly(2021, 6, 3));
        // An acknowledgement sent late is still the one the reporter counts from.
        Directive.FeedbackDueOn(March1, new DateOnly(2021, 3, 20)).ShouldBe(new DateOnly(2021, 6, 20));
        // A month without the day ends on its last day.
        Directive.FeedbackDueOn(new DateOnly(2021, 11, 23), new DateOnly(2021, 11, 30)).ShouldBe(new DateOnly(2022, 2, 28));
    }

    [Fact]
    public void the_periods_are_the_organisations_to_configure()
    {
        var national = new ReporterDeadlines { AcknowledgementDays = 5, FeedbackMonths = 2 };

        national.FeedbackDueOn(March1, null).ShouldBe(new DateOnly(2021, 5, 6));
        national.FeedbackDueOn(March1, new DateOnly(2021, 3, 3)).ShouldBe(new DateOnly(2021, 5, 3));
        new ReporterDeadlines { FeedbackMonths = 0 }.IsSound.ShouldBeFalse();
        Directive.IsSound.ShouldBeTrue();
    }

    [Fact]
    public void feedback_is_owed_to_a_reporter_the_organisation_can_answer()
    {
        ReporterDeadlines.FeedbackOwed(Registered() with { Complainant = new Complainant(false, "Patient") }).ShouldBeTrue();
        ReporterDeadlines.FeedbackOwed(Registered() with { Channel = Channel.Public, Complainant = new Complainant(true) }).ShouldBeTrue();
        ReporterDeadlines.FeedbackOwed(Registered() with { Complainant = new Complainant(true) }).ShouldBeFalse();
        ReporterDeadlines.FeedbackOwed(Registered()).ShouldBeFalse();
    }
}
