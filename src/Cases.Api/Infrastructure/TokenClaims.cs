using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The shape of the claims the service acts on, checked once a token's signature, issuer, audience and lifetime have
/// been validated and before any endpoint runs: <c>org</c> becomes the tenant id, <c>sub</c> the user named on every
/// event, <c>role</c> the roles recorded with it. A claim that does not fit is refused here, so that it can never
/// reach a handler, a database row or an export.
/// </summary>
public static partial class TokenClaims
{
    public const int MaxSubjectLength = 200;
    public const int MaxRoleLength = 64;

    /// <summary>An organisation id: lower-case letters, digits and hyphens, 1 to 63 characters, not starting with a hyphen.</summary>
    public const string OrganisationPattern = "^[a-z0-9][a-z0-9-]{0,62}$";

    [GeneratedRegex(OrganisationPattern, RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationId();

    public static bool IsOrganisationId(string value) => OrganisationId().IsMatch(value);

    /// <summary>A user name fit to be recorded on every event and shown in exports: visible text, nothing invisible.</summary>
    public static bool IsSubject(string value) =>
        value.Length <= MaxSubjectLength && !string.IsNullOrWhiteSpace(value) && value.Trim() == value && IsPrintable(value);

    /// <summary>The service's own name, which marks the facts it records by itself: a person bearing it would pass for the service.</summary>
    public static bool IsReserved(string user) => string.Equals(user, ServiceIdentity.UserName, StringComparison.OrdinalIgnoreCase);

    private static bool IsPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(value[i]) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Why the token is refused (401), or null when its claims fit. A token that names no organisation at all is left
    /// to the authorisation policy (403), and so is a well-formed role the service does not know.
    /// </summary>
    /// <param name="organisations">The organisations the service serves; when given, <c>org</c> must be one of them.</param>
    public static string? Refusal(JsonWebToken token, IReadOnlyCollection<string>? organisations)
    {
        try
        {
            return Check(token, organisations);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // An exception here would escape the authentication handler as a 500.
            return "The token's claims cannot be read.";
        }
    }

    private static string? Check(JsonWebToken token, IReadOnlyCollection<string>? organisations)
    {
        // RFC 7515 §4.1.11: a JWS whose crit names an extension the recipient does not process is invalid. This
        // service processes none, and an empty list is itself invalid.
        if (token.TryGetHeaderValue<object>("crit", out _))
        {
            return "The token names critical header extensions (crit) that this service does not support.";
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var claims = payload.RootElement.EnumerateObject().ToLookup(p => p.Name, p => p.Value, StringComparer.Ordinal);
        if (claims[CasesClaims.Organisation].Count() > 1 || claims[CasesClaims.Subject].Count() > 1 || claims[CasesClaims.Role].Count() > 1)
        {
            return "The token gives a claim more than once.";
        }

        if (claims[CasesClaims.Organisation].SingleOrDefault() is { ValueKind: not JsonValueKind.Undefined } org
            && !(org.ValueKind == JsonValueKind.String && org.GetString() is ""))
        {
            if (org.ValueKind != JsonValueKind.String || !IsOrganisationId(org.GetString()!))
            {
                return "The token's organisation (org) must be one organisation id: lower-case letters, digits and hyphens, at most 63.";
            }
            if (organisations is not null && !organisations.Contains(org.GetString()!))
            {
                return "The token's organisation (org) is not one this service serves.";
            }
        }

        if (claims[CasesClaims.Subject].SingleOrDefault() is not { ValueKind: JsonValueKind.String } sub || !IsSubject(sub.GetString()!))
        {
            return $"The token must name its user (sub): visible text of at most {MaxSubjectLength} characters.";
        }
        if (IsReserved(sub.GetString()!))
        {
            return $"The user name (sub) '{ServiceIdentity.UserName}' is reserved for what the service records by itself.";
        }

        if (claims[CasesClaims.Role].SingleOrDefault() is { ValueKind: not JsonValueKind.Undefined } role)
        {
            var roles = role.ValueKind == JsonValueKind.Array ? role.EnumerateArray().ToArray() : [role];
            if (roles.Any(r => r.ValueKind != JsonValueKind.String || r.GetString()!.Length is 0 or > MaxRoleLength || !IsPrintable(r.GetString()!)))
            {
                return "The token's roles (role) must be a role name or a list of role names.";
            }
        }
        return null;
    }
}
