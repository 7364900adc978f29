using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The few refusals that can only surface as exceptions: a write that lost a race on a stream at commit,
/// and a request Kestrel rejects while the body is read (too large, cut off). Everything else stays a 500.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ConcurrencyException => Problems.Rule(new("stale-version",
                "Another change to this resource was committed first. Reload it and try again.")),
            Marten.Exceptions.ExistingStreamIdCollisionException => Problems.Rule(new("stale-version",
                "Another request created this record first. Reload it and try again.")),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.Message
            },
            _ => null
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception
        });
    }
}
