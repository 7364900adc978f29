using Cases.Api.Infrastructure;

namespace Cases.Api.Tests.Audit;

/// <summary>The fields of every CSV the service writes (audit export, statistics), as a spreadsheet will open them.</summary>
public class when_writing_csv
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+7 701 555 0101", "'+7 701 555 0101")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(string value, string field) =>
        Csv.Field(value).ShouldBe(field);

    [Theory]
    [InlineData("aigerim", "aigerim")]
    [InlineData("Case 2021-0001 registered", "Case 2021-0001 registered")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void other_text_is_kept_and_quoted_only_when_it_must_be(string? value, string field) =>
        Csv.Field(value).ShouldBe(field);
}
