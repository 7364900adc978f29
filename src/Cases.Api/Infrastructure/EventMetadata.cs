using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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

    public const int MaxReasonLength = 1_000;

    public static ProblemDetails Before(HttpContext context, IDocumentSession session)
    {
        var fields = new FieldErrors();
        var reason = Uri.UnescapeDataString(context.Request.Headers[ReasonHeader].ToString());
        if (fields.Text(ReasonHeader, reason, MaxReasonLength, required: false).Any) return fields.ToProblem();

        session.CorrelationId = CorrelationId(context);
        session.SetHeader("roles", string.Join(",", context.User.FindAll(CasesClaims.Role).Select(c => c.Value)));
        if (reason.Length > 0) session.SetHeader("reason", reason.Trim());
        return WolverineContinue.NoProblems;
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
