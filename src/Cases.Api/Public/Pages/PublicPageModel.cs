using System.Globalization;
using System.Text.RegularExpressions;
using Cases.Api.Localization;
using Marten;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public.Pages;

/// <summary>
/// Base of the public reporting pages: the organisation of the route must be one the service knows (else the 404
/// page), and a form is taken only with proof that the reporter sent it from these pages (else the 403 page), with no
/// cookie: see <see cref="PublicForms"/>.
/// </summary>
public abstract partial class PublicPageModel(IOptions<OrganisationSettings> organisations, PublicForms forms,
    IStringLocalizer<PublicPages> texts, IOptions<PublicReportingSettings> settings) : PageModel
{
    [FromRoute(Name = PublicChannel.OrganisationRoute)]
    public string Organisation { get; set; } = "";

    public string OrganisationName => organisations.Value.NameOf(Organisation, CultureInfo.CurrentUICulture);

    public IStringLocalizer<PublicPages> Texts => texts;

    protected IOptions<PublicReportingSettings> Settings => settings;

    /// <summary>What the organisation's page offers: its languages and categories.</summary>
    public PublicPageSettings Offered => settings.Value.PageOf(Organisation);

    /// <summary>The view data key of the languages the layout's switch offers.</summary>
    public const string LanguagesKey = "Languages";

    /// <summary>Each field's errors, by the id of its input.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the page's inputs, in the order of the form, which the error summary follows.</summary>
    protected abstract IReadOnlyList<string> FieldOrder { get; }

    public IEnumerable<(string Field, string Message)> ErrorsInFormOrder => Errors
        .OrderBy(e => FieldOrder.ToList().IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
        .SelectMany(e => e.Value.Select(message => (e.Key, message)));

    /// <summary>A path of these pages, in the language the reader reads them in.</summary>
    public string PathOf(string page) => $"/{Organisation}/{page}?{Languages.QueryKey}={CultureInfo.CurrentUICulture.Name}";

    /// <summary>A fresh token for the forms of this answer.</summary>
    public string FormToken => forms.Issue(Organisation);

    [BindProperty(Name = PublicForms.TokenField)]
    public string? PostedToken { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!organisations.Value.Names.ContainsKey(Organisation))
        {
            context.Result = new RefusalResult(StatusCodes.Status404NotFound, "NotFound");
            return;
        }
        ViewData[LanguagesKey] = Offered.OfferedLanguages;
        if (HttpMethods.IsPost(Request.Method) && !forms.Accepts(Request, PostedToken, Organisation))
        {
            context.Result = new RefusalResult(StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }
        await next();
    }

    /// <summary>A session of the route's organisation, stamped as the API's public endpoints stamp theirs.</summary>
    protected static IDocumentSession WritingSession(IDocumentStore store, string organisation)
    {
        var session = store.LightweightSession(organisation);
        session.SetHeader("roles", "");
        return session;
    }

    /// <summary>The page re-rendered with its errors: 400, as the API answers the same input.</summary>
    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A field's error; the first one found for a field is the one the reader needs.</summary>
    public void AddError(string field, string message)
    {
        if (!Errors.ContainsKey(field)) Errors[field] = [message];
    }

    /// <summary>
    /// The API's field errors, in the reader's language, each on the page's field: the checks themselves are the
    /// API's, only their wording is the page's. <paramref name="fields"/> maps the API's field names to the page's.
    /// </summary>
    protected void AddErrors(ProblemDetails problem, IReadOnlyDictionary<string, string> fields)
    {
        if (problem is not ValidationProblemDetails invalid) return;
        foreach (var (apiField, messages) in invalid.Errors)
        {
            var field = fields.GetValueOrDefault(apiField, apiField);
            foreach (var message in messages) AddError(field, Translate(field, message));
        }
    }

    private string Translate(string field, string message) => message switch
    {
        "Required." => texts[$"Error.Required.{field}"],
        "Must not contain control characters." => texts["Error.Control"],
        "Give contact details, or report anonymously." => texts["Error.Required.identity"],
        _ when message.StartsWith("An e-mail address", StringComparison.Ordinal) => texts["Error.Email"],
        _ when message.StartsWith("Must not be after today", StringComparison.Ordinal) => texts["Error.Future"],
        _ when TooLong().Match(message) is { Success: true } m => texts.Format("Error.TooLong", m.Groups[1].Value),
        _ => texts["Error.Invalid"]
    };

    /// <summary>The input's aria-describedby: its hint, and its error when it has one.</summary>
    public string? DescribedBy(string field, bool hint = true) =>
        string.Join(' ', new[] { hint ? $"{field}-hint" : null, Errors.ContainsKey(field) ? $"{field}-error" : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;

    /// <summary>A date as the pages write it, the same in every language.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^At most (\d+) characters\.$")]
    private static partial Regex TooLong();
}
