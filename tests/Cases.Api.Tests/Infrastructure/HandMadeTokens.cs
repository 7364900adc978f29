using System.Security.Cryptography;
using System.Text;
using Cases.Api.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Tokens written byte by byte rather than through a token library, which would refuse to write most of them: claims
/// that are objects, arrays or numbers, hold NUL or are given twice, and headers with <c>crit</c> or no signature. They
/// are signed with the test key, issued by the development issuer for the service's audience and valid for an hour, so
/// that only their claims or header can be at fault.
/// </summary>
public static class HandMadeTokens
{
    /// <param name="claims">The JSON object of the claims besides iss, aud, nbf and exp, exactly as it is to be sent.</param>
    /// <param name="header">JSON members added to the header, e.g. <c>"crit":["exp"],"exp":1</c>.</param>
    public static string Signed(string claims, string? header = null, string algorithm = "HS256")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var standard = $$"""{"iss":"{{Authentication.Issuer}}","aud":"{{Authentication.Audience}}","nbf":{{now - 60}},"exp":{{now + 3600}}""";
        var payload = claims.Trim() is "{}" ? standard + "}" : standard + "," + claims.Trim()[1..];
        var head = "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"" + (header is null ? "" : "," + header) + "}";
        var signingInput = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(head)) + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload));
        var signature = algorithm == "none" ? [] : HMACSHA256.HashData(Encoding.UTF8.GetBytes(CasesApp.SigningKey), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }
}
