using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cases.Api.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
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
    public const string Folder = "/Public/Pages";

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
        services.AddRazorPages(o => o.RootDirectory = "/");
        // A page speaks the reader's best language among those its organisation offers, else the first it offers.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(context =>
            Task.FromResult(context.IsPublicPage() && context.GetRouteValue(PublicChannel.OrganisationRoute) is string organisation
                ? new ProviderCultureResult(OfferedLanguage(context, organisation))
                : null))));
        // The public pages take no token and no cookie: anonymous, under the public channel's limits, and with forms
        // proved by PublicForms instead of antiforgery, whose cookie would be set before the reporter acts.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<PublicReportingSettings>>((o, settings) =>
            o.Conventions.AddFolderApplicationModelConvention(Folder, page =>
            {
                page.Filters.Add(new IgnoreAntiforgeryTokenAttribute());
                page.Filters.Add(new ReadableForms());
                page.EndpointMetadata.Add(new AllowAnonymousAttribute());
                page.EndpointMetadata.Add(new EnableRateLimitingAttribute(PublicChannel.RateLimitPolicy));
                page.EndpointMetadata.Add(new PublicBodyLimit(settings.Value.MaxFormBodyBytes));
                page.EndpointMetadata.Add(new PublicPageMetadata());
            }));
        return services;
    }

    private static string OfferedLanguage(HttpContext context, string organisation)
    {
        var offered = context.RequestServices.GetRequiredService<IOptions<PublicReportingSettings>>().Value.PageOf(organisation).OfferedLanguages;
        return Languages.AskedFor(context.Request).FirstOrDefault(offered.Contains) ?? offered[0];
    }

    public static bool IsPublicPage(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicPageMetadata>() is not null;

    /// <summary>The headers of the public pages and the console's, set as the answer starts (refusals included).</summary>
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
