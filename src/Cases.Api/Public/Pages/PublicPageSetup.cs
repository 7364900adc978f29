using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public.Pages;

/// <summary>
/// The public reporting pages: Razor Pages under <c>Public/Pages</c>, anonymous, under the public channel's rate limit,
/// with their own headers: a strict Content-Security-Policy (nothing but this service's stylesheet and forms posted to
/// itself), no caching (a receipt code and a thread are on them) and no referrer sent elsewhere.
/// </summary>
public static class PublicPageSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddSingleton<PublicForms>();
        // Cyrillic and Kazakh letters written as they are, not as character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // MVC's JSON options, which clients reading the host's services (Alba in the tests) take once MVC is added,
        // are the API's own: the pages write no JSON themselves.
        services.AddOptions<JsonOptions>().Configure<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>((mvc, api) =>
        {
            var from = api.Value.SerializerOptions;
            var to = mvc.JsonSerializerOptions;
            to.PropertyNamingPolicy = from.PropertyNamingPolicy;
            to.DictionaryKeyPolicy = from.DictionaryKeyPolicy;
            to.DefaultIgnoreCondition = from.DefaultIgnoreCondition;
            to.NumberHandling = from.NumberHandling;
            to.PropertyNameCaseInsensitive = from.PropertyNameCaseInsensitive;
            to.TypeInfoResolver = from.TypeInfoResolver;
            foreach (var converter in from.Converters) to.Converters.Add(converter);
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Public/Pages";
            // Antiforgery's cookie would be set before the reporter acts: PublicForms checks the forms instead.
            o.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new ReadableForms());
        });
        return services;
    }

    public static void MapPublicPages(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<PublicReportingSettings>>().Value;
        app.MapRazorPages()
            .AllowAnonymous()
            .RequireRateLimiting(PublicChannel.RateLimitPolicy)
            .WithMetadata(new PublicBodyLimit(settings.MaxFormBodyBytes), new PublicPageMetadata());
    }

    public static bool IsPublicPage(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicPageMetadata>() is not null;

    /// <summary>The public pages' headers, set as the answer starts (refusals included).</summary>
    public static void SetHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        // Same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the forms' posts.
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
    }
}

/// <summary>Marks the endpoints of the public reporting pages.</summary>
public sealed class PublicPageMetadata;
