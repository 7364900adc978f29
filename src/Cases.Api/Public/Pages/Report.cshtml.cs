using System.Globalization;
using Cases.Api.Localization;
using Cases.Domain.Public;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public.Pages;

/// <summary>
/// The report form. The report is checked and recorded by the API's own code (<see cref="ReportPubliclyEndpoint"/>:
/// its field checks, its hourly cap on anonymous reports, its decision): the page only reads the form, says when and
/// where in the text, and words the answers in the reader's language.
/// </summary>
public sealed class ReportModel(IOptions<OrganisationSettings> organisations, PublicForms forms, IStringLocalizer<PublicPages> texts,
    IDocumentStore store, IOptions<PublicReportingSettings> settings, OrganisationClock clock)
    : PublicPageModel(organisations, forms, texts, settings)
{
    public const string Anonymous = "anonymous";
    public const string Contact = "contact";

    /// <summary>The API's field names, as the form names them.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["text"] = "text",
        ["contact"] = "identity",
        ["contact.name"] = "name",
        ["contact.phone"] = "contact",
        ["contact.email"] = "contact",
        ["occurredOn"] = "occurred-on",
        ["place"] = "place",
        ["noticeAddress"] = "notice-address"
    };

    protected override IReadOnlyList<string> FieldOrder => ["category", "text", "occurred-on", "place", "identity", "name", "contact", "notice-address"];

    [BindProperty(Name = "category")] public string? Category { get; set; }
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "occurred-on")] public string? OccurredOn { get; set; }
    [BindProperty(Name = "place")] public string? Place { get; set; }
    [BindProperty(Name = "identity")] public string? Identity { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "contact")] public string? ContactDetails { get; set; }
    [BindProperty(Name = "notice-address")] public string? NoticeAddress { get; set; }

    /// <summary>The answer to a report taken: shown once, on this page only.</summary>
    public PublicReportReceived? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var time = clock.For(Organisation);
        var category = KebabEnum.Parse<Category>(Category);
        if (category is null) AddError("category", string.IsNullOrEmpty(Category) ? Texts["Error.Required.category"] : Texts["Error.Invalid"]);
        DateOnly? occurredOn = null;
        if (!string.IsNullOrWhiteSpace(OccurredOn))
        {
            if (DateOnly.TryParseExact(OccurredOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) occurredOn = date;
            else AddError("occurred-on", Texts["Error.Date"]);
        }
        AddErrors(new FieldErrors().NotInFuture("occurredOn", occurredOn, time.Today).Text("place", Place, required: false).ToProblem(), Fields);

        var anonymous = Identity == Anonymous;
        var contact = Identity == Contact ? new ReporterContact(Name ?? "", Phone(), Email()) : null;
        var command = new ReportPublicly(category ?? Domain.Cases.Category.Other, Described(occurredOn), anonymous, contact,
            string.IsNullOrWhiteSpace(NoticeAddress) ? null : NoticeAddress);

        await using var session = WritingSession(store, Organisation);
        var problem = await ReportPubliclyEndpoint.Validate(command, session, Settings, time, Response, ct);
        AddErrors(problem, Fields);
        if (Errors.Count > 0) return Invalid();
        if (problem.Status is { } refused)
        {
            var rule = problem.Extensions.TryGetValue(Problems.RuleExtension, out var code) ? code?.ToString() : null;
            return new RefusalResult(refused, rule ?? "Other", RetryAfter());
        }

        var (received, stream) = await ReportPubliclyEndpoint.Post(command, session, Settings, time, ct);
        stream.Execute(session);
        await session.SaveChangesAsync(ct);
        Receipt = received;
        return Page();
    }

    /// <summary>What happened, then when and where as the reporter gave them, in their words and language.</summary>
    private string Described(DateOnly? occurredOn)
    {
        if (string.IsNullOrWhiteSpace(Text)) return Text ?? "";
        var lines = new List<string> { Text.Trim() };
        if (occurredOn is { } date) lines.Add($"{Texts["Field.OccurredOn"]}: {Date(date)}");
        if (!string.IsNullOrWhiteSpace(Place)) lines.Add($"{Texts["Field.Place"]}: {Place.Trim()}");
        return string.Join("\n\n", lines);
    }

    private string? Email() => ContactDetails?.Contains('@') == true ? ContactDetails : null;

    private string? Phone() => string.IsNullOrWhiteSpace(ContactDetails) || ContactDetails.Contains('@') ? null : ContactDetails;

    private TimeSpan? RetryAfter() =>
        int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The receipt code's groups of four, to be read aloud one at a time.</summary>
    public static IReadOnlyList<string> Groups(string code) => code.Split('-');
}
