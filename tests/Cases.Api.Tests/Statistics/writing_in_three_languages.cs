using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Cases.Api.Localization;

namespace Cases.Api.Tests.Statistics;

/// <summary>The reports' texts, without a host: every text in every language, and the plural forms each language needs.</summary>
public partial class writing_in_three_languages
{
    private static readonly ResourceManager Texts = new("Cases.Api.Resources.Localization.Reports", typeof(Reports).Assembly);

    private static Dictionary<string, string> In(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    /// <summary>The key of a text without its plural category: "Report.Appeals:few" is a form of "Report.Appeals".</summary>
    private static string Phrase(string key) => key.Split(':')[0];

    [Theory]
    [InlineData("ru", new[] { "one", "few", "many" })]
    [InlineData("kk", new[] { "other" })]
    public void every_english_text_is_in_the_language_with_the_same_places_and_the_languages_plural_forms(string language, string[] forms)
    {
        var english = In(CultureInfo.InvariantCulture);
        var translated = In(new CultureInfo(language));

        var plural = english.Keys.Where(k => k != Phrase(k)).Select(Phrase).ToHashSet();
        foreach (var key in english.Keys.Where(k => !plural.Contains(Phrase(k))))
        {
            translated.ShouldContainKey(key);
            Placeholders(translated[key]).ShouldBe(Placeholders(english[key]), $"{language} {key}");
        }
        foreach (var phrase in plural)
        {
            foreach (var form in forms)
            {
                translated.ShouldContainKey($"{phrase}:{form}");
                Placeholders(translated[$"{phrase}:{form}"]).ShouldBe(Placeholders(english[$"{phrase}:other"]), $"{language} {phrase}:{form}");
            }
        }
        translated.Keys.Select(Phrase).Except(english.Keys.Select(Phrase)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, "one")]
    [InlineData(21, "one")]
    [InlineData(101, "one")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(22, "few")]
    [InlineData(0, "many")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(111, "many")]
    [InlineData(25, "many")]
    public void russian_counts_take_the_cldr_form(long count, string form) => PluralCategory.Of(Languages.Russian, count).ShouldBe(form);

    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 2, "other")]
    [InlineData("en", 0, "other")]
    [InlineData("kk", 1, "other")]
    [InlineData("kk", 7, "other")]
    public void english_counts_take_one_or_other_and_kazakh_counts_always_other(string language, long count, string form) =>
        PluralCategory.Of(new CultureInfo(language), count).ShouldBe(form);
}
