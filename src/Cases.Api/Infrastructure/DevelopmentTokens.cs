using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.Infrastructure;

/// <summary>Mints tokens signed with the development key, for curl and for the tests.</summary>
public static class DevelopmentTokens
{
    public static string Mint(string signingKey, string organisation, IEnumerable<string> roles, string user,
        DateTimeOffset now, TimeSpan lifetime, string audience = Authentication.Audience)
    {
        var claims = new List<Claim>
        {
            new(CasesClaims.Subject, user),
            new(CasesClaims.Name, user),
            new(CasesClaims.Organisation, organisation)
        };
        claims.AddRange(roles.Select(r => new Claim(CasesClaims.Role, r)));

        var token = new JwtSecurityToken(
            issuer: Authentication.Issuer,
            audience: audience,
            claims: claims,
            notBefore: now.UtcDateTime.AddMinutes(-1),
            expires: now.UtcDateTime.Add(lifetime),
            signingCredentials: new SigningCredentials(Authentication.SigningKey(signingKey), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
