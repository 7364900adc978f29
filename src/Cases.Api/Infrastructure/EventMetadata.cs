using System.Security.Claims;
using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Wolverine middleware for every endpoint that writes: stamps the session so each event records in which role the
/// user acted (Wolverine itself records who), under which correlation id, and the optional reason the client gave in the <c>X-Reason</c> header
/// (percent-encoded UTF-8, since header values are ASCII).
/// </summary>
public static class EventMetadata
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string ReasonHeader = "X-Reason";
    public const int MaxHeaderLength = 500;

    public static void Before(HttpContext context, IDocumentSession session)
    {
        var user = context.User;
        session.CorrelationId = CorrelationId(context);
        session.SetHeader("roles", string.Join(",", user.FindAll(CasesClaims.Role).Select(c => c.Value)));
        if (context.Request.Headers[ReasonHeader].ToString() is { Length: > 0 and <= MaxHeaderLength } reason)
        {
            session.SetHeader("reason", Uri.UnescapeDataString(reason));
        }
    }

    /// <summary>The client's correlation id when it sent a sane one, else this request's trace id.</summary>
    public static string CorrelationId(HttpContext context)
    {
        var sent = context.Request.Headers[CorrelationHeader].ToString();
        return sent.Length is > 0 and <= 100 && sent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? sent
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
    }
}
