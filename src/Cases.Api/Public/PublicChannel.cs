using System.Threading.RateLimiting;
using Cases.Api.Public.Pages;
using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

/// <summary>The public channel's limits, from configuration section <c>PublicReporting</c>.</summary>
public sealed class PublicReportingSettings
{
    /// <summary>Largest body of a public request: a report or a message is text, never a file.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Largest form the public pages take: a browser percent-encodes every byte of a letter outside ASCII as three, so
    /// the same text a report carries as JSON in <see cref="MaxRequestBodyBytes"/> may take three times that as a form.
    /// </summary>
    public long MaxFormBodyBytes => MaxRequestBodyBytes * 3;

    /// <summary>Public requests one client address may make per <see cref="Window"/>.</summary>
    public int RequestsPerWindow { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Anonymous reports an organisation takes per hour while they are open: a flood stops here.</summary>
    public int AnonymousReportsPerHour { get; set; } = 50;

    /// <summary>PBKDF2-SHA256 iterations of a new receipt's hash; each receipt keeps its own count.</summary>
    public int ReceiptHashIterations { get; set; } = 210_000;

    /// <summary>What an organisation's reporting page offers, per organisation id; every language and category when not listed.</summary>
    public Dictionary<string, PublicPageSettings> Pages { get; set; } = new(StringComparer.Ordinal);

    public PublicPageSettings PageOf(string organisation) => Pages.GetValueOrDefault(organisation) ?? PublicPageSettings.Everything;

    public bool IsSound => MaxRequestBodyBytes > 0 && RequestsPerWindow > 0 && Window > TimeSpan.Zero
                           && AnonymousReportsPerHour > 0 && ReceiptHashIterations >= 10_000 && Pages.Values.All(p => p.IsSound);
}

/// <summary>
/// One organisation's reporting page: the languages it is offered in (the first is the one a reader whose browser asks
/// for none of them gets) and the categories it takes reports of, which the API's public channel takes alone too.
/// </summary>
public sealed class PublicPageSettings
{
    public static readonly PublicPageSettings Everything = new();

    private static readonly string[] AllLanguages = ["en", "ru", "kk"];
    private static readonly string[] AllCategories = KebabEnum.Accepted(typeof(Domain.Cases.Category)).ToArray();

    // Null until configured: the configuration binder appends to an array it finds filled, it does not replace it.
    public string[]? Languages { get; set; }

    public string[]? Categories { get; set; }

    public IReadOnlyList<string> OfferedLanguages => Languages is { Length: > 0 } languages ? languages : AllLanguages;

    public IReadOnlyList<string> OfferedCategories => Categories is { Length: > 0 } categories ? categories : AllCategories;

    public bool Offers(Domain.Cases.Category category) => OfferedCategories.Contains(KebabEnum.Name(category), StringComparer.Ordinal);

    public bool IsSound => OfferedLanguages.All(Localization.Languages.IsSupported) && OfferedCategories.All(AllCategories.Contains);
}

/// <summary>Marks an endpoint of the public channel: no token, the organisation in the route, the public limits.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublicEndpointAttribute : Attribute;

/// <summary>The public channel's request size limit, read by the body check like Kestrel's own.</summary>
public sealed record PublicBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>
/// The endpoints anyone may call without an account. The organisation comes from the route and must be one the
/// service knows (<c>Organisations:Names</c>); each client address is rate limited (ASP.NET Core's rate limiter).
/// </summary>
public static class PublicChannel
{
    public const string OrganisationRoute = "organisation";
    public const string RateLimitPolicy = "public";
    public const string ReceiptHeader = "X-Receipt-Code";

    public static IServiceCollection AddPublicReporting(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("PublicReporting");
        services.AddOptions<PublicReportingSettings>().Bind(section)
            .Validate(s => s.IsSound, "PublicReporting: every limit must be positive, receipts hashed at least 10,000 times, and each page must offer languages among en, ru, kk and categories the API accepts")
            .ValidateOnStart();
        var settings = section.Get<PublicReportingSettings>() ?? new PublicReportingSettings();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RequestsPerWindow, Window = settings.Window }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                if (context.IsPublicPage())
                {
                    await new RefusalResult(StatusCodes.Status429TooManyRequests, "TooMany", retryAfter).ExecuteAsync(context);
                    return;
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"At most {settings.RequestsPerWindow} public requests per {settings.Window} from one address. Try again later.")
                    .ExecuteAsync(context);
            };
        });
        return services;
    }

    /// <summary>Gives the public endpoints their tenant, their limits and no authentication.</summary>
    public static void Configure(WolverineHttpOptions opts, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<PublicReportingSettings>>().Value;
        opts.TenantId.IsRouteArgumentNamed(OrganisationRoute);
        opts.AddMiddleware(typeof(PublicOrganisation), IsPublic);
        opts.ConfigureEndpoints(chain =>
        {
            if (!IsPublic(chain)) return;
            chain.Metadata.AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithMetadata(new PublicBodyLimit(settings.MaxRequestBodyBytes));
        });
    }

    private static bool IsPublic(HttpChain chain) => chain.Method.Method.IsDefined(typeof(PublicEndpointAttribute), false);
}

/// <summary>Wolverine middleware of the public endpoints: an organisation the service does not know is 404.</summary>
public static class PublicOrganisation
{
    public static ProblemDetails Before(HttpContext context, IQuerySession session, IOptions<OrganisationSettings> organisations)
    {
        var organisation = context.GetRouteValue(PublicChannel.OrganisationRoute) as string;
        // A token sent along would make its own organisation the tenant: the route must name the same one.
        return organisation is not null && organisations.Value.Names.ContainsKey(organisation) && session.TenantId == organisation
            ? WolverineContinue.NoProblems
            : new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = $"No organisation '{organisation}' takes reports here."
            };
    }
}
