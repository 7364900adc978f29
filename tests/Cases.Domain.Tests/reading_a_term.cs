namespace Cases.Domain.Tests;

public class reading_a_term
{
    [Fact]
    public void the_first_half_of_2019_runs_from_january_to_the_end_of_june()
    {
        var term = Term.InHalfYear(2019, 1);
        term.FirstDay.ShouldBe(new DateOnly(2019, 1, 1));
        term.LastDay.ShouldBe(new DateOnly(2019, 6, 30));
    }

    [Fact]
    public void a_quarter_ends_on_the_last_day_of_its_third_month()
    {
        Term.InQuarter(2020, 1).LastDay.ShouldBe(new DateOnly(2020, 3, 31));
        Term.InQuarter(2020, 4).LastDay.ShouldBe(new DateOnly(2020, 12, 31));
    }

    [Fact]
    public void an_ongoing_term_has_no_last_day_but_a_report_due_each_period()
    {
        var term = Term.Ongoing(ReportingRhythm.HalfYearly);
        term.LastDay.ShouldBeNull();
        term.ReportingPeriodOf(new DateOnly(2019, 8, 14)).ShouldBe((new DateOnly(2019, 7, 1), new DateOnly(2019, 12, 31)));
        Term.Ongoing(ReportingRhythm.Quarterly).ReportingPeriodOf(new DateOnly(2019, 5, 31)).ShouldBe((new DateOnly(2019, 4, 1), new DateOnly(2019, 6, 30)));
    }

    [Fact]
    public void a_term_names_each_field_it_lacks_or_should_not_have()
    {
        new Term(TermKind.HalfYear, Date: new DateOnly(2019, 1, 1), Part: 3).Problems().Select(p => p.Field)
            .ShouldBe(["date", "year", "part"], ignoreOrder: true);
        new Term(TermKind.Quarter, Year: 2019, Part: 5).Problems().Single().ShouldBe(("part", "A quarter is 1 to 4."));
        new Term(TermKind.Ongoing).Problems().Single().Field.ShouldBe("reporting");
        Term.By(new DateOnly(2019, 3, 1)).Problems().ShouldBeEmpty();
    }
}
