using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Wolverine middleware for every endpoint that writes: stamps the session so each event records in which roles the
/// user acted and the optional reason given in the <c>X-Reason</c> header (percent-encoded UTF-8, since header values
/// are ASCII). Wolverine itself records who acted and the <c>X-Correlation-ID</c>; this only refuses one that is unfit
/// to be kept on every event.
/// </summary>
public static class EventMetadata
{
    public const string CorrelationHeader = "X-Correlation-ID";
    public const string ReasonHeader = "X-Reason";
    public const int MaxReasonLength = 1_000;
    public const int MaxCorrelationLength = 100;

    public static ProblemDetails Before(HttpContext context, IDocumentSession session)
    {
        var reason = Uri.UnescapeDataString(context.Request.Headers[ReasonHeader].ToString());
        var fields = new FieldErrors()
            .Text(ReasonHeader, reason, MaxReasonLength, required: false)
            .Text(CorrelationHeader, context.Request.Headers[CorrelationHeader].ToString(), MaxCorrelationLength, required: false);
        if (fields.Any) return fields.ToProblem();

        session.SetHeader("roles", string.Join(",", context.User.FindAll(CasesClaims.Role).Select(c => c.Value)));
        if (reason.Length > 0) session.SetHeader("reason", reason.Trim());
        return WolverineContinue.NoProblems;
    }
}
