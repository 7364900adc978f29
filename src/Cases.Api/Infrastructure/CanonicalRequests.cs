using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Each resource has one spelling, and a body one framing, so that what a proxy, a log, a rate limit or an
/// Idempotency-Key fingerprint sees is what the endpoint serves. Refused before authentication, so that no handler
/// ever runs for another spelling:
/// <list type="bullet">
/// <item>400: dot segments (<c>..</c>, <c>%2e%2e</c>), percent-encoded letters or digits (<c>%61</c>), encoded
/// slashes or backslashes (<c>%2f</c>, <c>%5c</c>), a backslash or a control character anywhere in the path, even
/// encoded twice; a transfer coding other than chunked (Kestrel would pass such a body on as sent, to be read as
/// JSON), or chunks and a Content-Length at once.</item>
/// <item>415: a body in a content coding (compressed): the service reads only plain JSON.</item>
/// <item>404: a route's fixed words in another case (<c>/api/Cases</c>), a trailing or doubled slash, and a record id
/// (a route value named <c>…Id</c>) in any form but the lower-case hyphenated one the API answers with.</item>
/// </list>
/// </summary>
public sealed partial class CanonicalRequests(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (PathProblem(RawPath(context)) is { } problem)
        {
            // Whatever routing made of it, a path the client spelled this way names no endpoint.
            context.SetEndpoint(null);
            return Refuse(context, StatusCodes.Status400BadRequest, "Bad request", problem);
        }
        if (headers.ContentEncoding.ToString() is { Length: > 0 } coding && !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 9110 §15.5.16: the codings the service does take.
            context.Response.Headers.AcceptEncoding = "identity";
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Request bodies are sent without a Content-Encoding.");
        }
        if (headers.TransferEncoding.ToString() is { Length: > 0 } transfer
            && (!transfer.Equals("chunked", StringComparison.OrdinalIgnoreCase)
                || headers.ContentLength is not null || headers.ContainsKey(KestrelsMovedContentLength)))
        {
            // RFC 9112 §6.1 lets a server refuse a length given both ways, which proxies may read differently
            // (smuggling); Kestrel would read the chunks and close the connection.
            return Refuse(context, StatusCodes.Status400BadRequest, "Bad request",
                "A body is sent chunked (the only transfer coding accepted) or with a Content-Length, not both.");
        }
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && !IsCanonical(context.Request.Path, pattern))
        {
            // Routing matched another spelling of a route; this path names none of them.
            context.SetEndpoint(null);
            return Refuse(context, StatusCodes.Status404NotFound, "Not found",
                "No resource has this path. Paths are lower-case, without a trailing slash, and record ids are written " +
                "as the API writes them (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, lower-case).");
        }
        return next(context);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    /// <summary>Where Kestrel moves a Content-Length that came with Transfer-Encoding, out of the way of the body.</summary>
    private const string KestrelsMovedContentLength = "X-Content-Length";

    /// <summary>
    /// The path as the client sent it: Kestrel decodes it and removes dot segments before routing, which would hide
    /// from the checks what a proxy in front saw. A test server gives no raw target; its path is checked instead.
    /// </summary>
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) return (context.Request.PathBase + context.Request.Path).Value ?? "/";
        // The absolute form (http://host/path) that a client may send through a proxy.
        if (!raw.StartsWith('/') && raw.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
        {
            var slash = raw.IndexOf('/', scheme + 3);
            raw = slash < 0 ? "/" : raw[slash..];
        }
        var query = raw.IndexOf('?');
        return query < 0 ? raw : raw[..query];
    }

    private static string? PathProblem(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (EncodesUnreserved(segment))
            {
                return "Letters, digits, '-', '.', '_' and '~' are written as they are in a path, not percent-encoded (RFC 3986 §2.3).";
            }
            // Decoded as often as a chain of proxies might decode it, until nothing is left to decode.
            var text = segment;
            for (var round = 0; round < 3; round++)
            {
                if (text is "." or ".." || text.Contains('\\')
                    || text.Contains("%2f", StringComparison.OrdinalIgnoreCase) || text.Contains("%5c", StringComparison.OrdinalIgnoreCase))
                {
                    return "The path must not hold dot segments, backslashes or encoded slashes.";
                }
                if (text.Any(char.IsControl)) return "The path must not hold control characters.";
                var decoded = Uri.UnescapeDataString(text);
                if (decoded == text) break;
                if (decoded.Contains('/')) return "The path must not hold dot segments, backslashes or encoded slashes.";
                text = decoded;
            }
        }
        return null;
    }

    /// <summary>
    /// A percent-encoded character that needs no encoding: the server decodes it, so <c>/api/c%61ses</c> is
    /// <c>/api/cases</c> to the endpoint but not to a proxy rule or log that reads what was sent.
    /// </summary>
    private static bool EncodesUnreserved(string segment)
    {
        for (var i = segment.IndexOf('%'); i >= 0 && i + 2 < segment.Length; i = segment.IndexOf('%', i + 1))
        {
            if (int.TryParse(segment.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
                && (char.IsAsciiLetterOrDigit((char)code) || code is '-' or '.' or '_' or '~'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The route's own words in their own case, one segment each, and record ids in canonical form.</summary>
    private static bool IsCanonical(PathString path, RoutePattern pattern)
    {
        var segments = (path.Value is { Length: > 0 } value ? value[1..] : "").Split('/');
        var open = pattern.Parameters.Any(p => p.IsOptional || p.IsCatchAll);
        if (!open && segments.Length != pattern.PathSegments.Count) return false;
        for (var i = 0; i < Math.Min(segments.Length, pattern.PathSegments.Count); i++)
        {
            if (!pattern.PathSegments[i].IsSimple) continue;
            switch (pattern.PathSegments[i].Parts[0])
            {
                case RoutePatternLiteralPart literal when !string.Equals(literal.Content, segments[i], StringComparison.Ordinal):
                    return false;
                case RoutePatternParameterPart parameter when parameter.Name.EndsWith("Id", StringComparison.Ordinal)
                                                               && !CanonicalId().IsMatch(segments[i]):
                    return false;
            }
        }
        return true;
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalId();
}
