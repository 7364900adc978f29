using Microsoft.AspNetCore.DataProtection;
using Microsoft.Net.Http.Headers;

namespace Cases.Api.Public.Pages;

/// <summary>
/// Anti-forgery without a cookie. ASP.NET Core's antiforgery pairs a hidden field with a cookie issued with the form,
/// and the pages promise no cookie before the reporter acts, so a form is taken on two other proofs:
/// <list type="number">
/// <item>the browser says it comes from these pages: <c>Origin</c> naming this host, or, where the browser sends
/// <c>Origin: null</c> or none, <c>Sec-Fetch-Site: same-origin</c>; a page elsewhere cannot set either (forbidden
/// request headers), so a cross-site form post is refused;</item>
/// <item>a hidden field holds a token the service issued with the form: the organisation, protected by ASP.NET Core
/// Data Protection (encrypted and authenticated) and valid for <see cref="Lifetime"/> on the host's own clock (Data
/// Protection reads the system's). It is stateless, nothing is
/// kept per reporter, and a form of one organisation is not taken by another.</item>
/// </list>
/// </summary>
public sealed class PublicForms(IDataProtectionProvider protection)
{
    public const string TokenField = "form-token";

    /// <summary>Long enough to write a report slowly; a refused form is opened again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Cases.Api.Public.Pages.PublicForms").ToTimeLimitedDataProtector();

    public string Issue(string organisation) => _protector.Protect(organisation, Lifetime);

    public bool Accepts(HttpRequest request, string? token, string organisation) => IsSameOrigin(request) && Holds(token, organisation);

    private bool Holds(string? token, string organisation)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            return _protector.Unprotect(token, out _) == organisation;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The host compared, not the scheme: behind a proxy that ends TLS the service sees http.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                   && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }
        return request.Headers["Sec-Fetch-Site"].ToString() == "same-origin";
    }
}
