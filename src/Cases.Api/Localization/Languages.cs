using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Cases.Api.Localization;

/// <summary>The languages the service writes its reports in; a query's <c>lang</c> picks one over Accept-Language.</summary>
public enum Language
{
    En,
    Ru,
    Kk
}

/// <summary>
/// ASP.NET Core's request localization, for the texts the service writes (narratives, CSV headers, chart labels):
/// <c>?lang=</c> first, then Accept-Language by quality, else English. Only the UI culture changes with the request;
/// the formatting culture stays invariant, so that no JSON, CSV figure or rule message changes with the reader's language.
/// </summary>
public static class Languages
{
    public const string QueryKey = "lang";

    public static readonly CultureInfo English = new("en");
    public static readonly CultureInfo Russian = new("ru");
    public static readonly CultureInfo Kazakh = new("kk");

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        return services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, English);
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [English, Russian, Kazakh];
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CustomRequestCultureProvider(AcceptedLanguagesAsync)
            ];
        });
    }

    /// <summary>
    /// Accept-Language by quality with each region dropped (<c>ru-RU</c> and <c>kk-KZ</c> are Russian and Kazakh):
    /// the service's cultures are bare names that pick its resources, with no parents to fall back to.
    /// </summary>
    private static Task<ProviderCultureResult?> AcceptedLanguagesAsync(HttpContext context)
    {
        var languages = AskedFor(context.Request).Select(l => new Microsoft.Extensions.Primitives.StringSegment(l)).ToList();
        return Task.FromResult(languages.Count == 0 ? null : new ProviderCultureResult(languages));
    }

    /// <summary>The languages a request asks for, best first: <c>?lang=</c>, then Accept-Language.</summary>
    public static IEnumerable<string> AskedFor(HttpRequest request)
    {
        if (request.Query[QueryKey] is [{ } chosen]) yield return chosen;
        foreach (var language in request.GetTypedHeaders().AcceptLanguage
                     .Where(l => l.Quality is not 0)
                     .OrderByDescending(l => l.Quality ?? 1)
                     .Select(l => l.Value.Value?.Split('-')[0])
                     .OfType<string>()
                     .Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return language.ToLowerInvariant();
        }
    }

    public static bool IsSupported(string name) => name is "en" or "ru" or "kk";

    /// <summary>Says which language a localized answer is in, and that it varies by Accept-Language.</summary>
    public static void Answered(HttpResponse response)
    {
        response.Headers.ContentLanguage = CultureInfo.CurrentUICulture.Name;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
    }
}

/// <summary>
/// The CLDR plural category of a whole count, which picks a text's form: English has <c>one</c> and <c>other</c>;
/// Russian has <c>one</c> (1, 21, 101), <c>few</c> (2-4, 22-24) and <c>many</c> (0, 5-20, 25-30). Kazakh's <c>one</c>
/// is written as its <c>other</c> (a noun after a numeral does not change), so Kazakh texts have only <c>other</c>.
/// </summary>
public static class PluralCategory
{
    public static string Of(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        return culture.Name.Split('-')[0] switch
        {
            "kk" => "other",
            "ru" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                (>= 2 and <= 4, < 12 or > 14) => "few",
                _ => "many"
            },
            _ => n == 1 ? "one" : "other"
        };
    }
}

/// <summary>Reads texts in the request's language: plural forms, numbers and months as the resources write them.</summary>
public static class LocalizedTexts
{
    /// <summary>
    /// The form of <paramref name="key"/> for the count (<c>Report.Appeals:many</c>), with the count in place <c>{0}</c>
    /// and any <paramref name="more"/> in the places after it.
    /// </summary>
    public static string Plural(this IStringLocalizer texts, string key, long count, params object[] more)
    {
        var form = texts[$"{key}:{PluralCategory.Of(CultureInfo.CurrentUICulture, count)}"];
        if (form.ResourceNotFound) form = texts[$"{key}:other"];
        return string.Format(CultureInfo.InvariantCulture, form.Value, [count, .. more]);
    }

    /// <summary>A decimal as the language writes it (<c>90.5</c>, <c>90,5</c>), to one decimal place.</summary>
    public static string Number(this IStringLocalizer texts, decimal value) =>
        value.ToString("0.#", new NumberFormatInfo { NumberDecimalSeparator = texts["Number.DecimalSeparator"].Value });

    /// <summary>A text with its arguments in place; the arguments are already written in the language.</summary>
    public static string Format(this IStringLocalizer texts, string key, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, texts[key].Value, arguments);

    /// <summary>Items joined as the language lists them: "a, b and c".</summary>
    public static string List(this IStringLocalizer texts, IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => texts.Format("List.Last", string.Join(texts["List.Separator"].Value, items.Take(items.Count - 1)), items[^1])
    };
}

/// <summary>
/// Marks an endpoint whose answer is written in the request's language: the contract gives it Accept-Language and
/// its answers Content-Language.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalizedAttribute : Attribute
{
    public const string AcceptLanguageDescription =
        "The languages the reader prefers (RFC 9110), e.g. `ru-RU, kk;q=0.8`: English (`en`), Russian (`ru`) or Kazakh (`kk`), " +
        "regions ignored; English when none of them is asked for. The `lang` query parameter, where given, wins.";
}
