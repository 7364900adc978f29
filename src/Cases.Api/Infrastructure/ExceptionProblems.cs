using Cases.Api.WebConsole;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The few refusals that can only surface as exceptions: a write that lost a race on a stream at commit, a request
/// Kestrel rejects while the body is read (too large, cut off, badly chunked), and a database that cannot be reached, which is 503
/// with Retry-After so that clients retry rather than give up. A commit cut off mid-way leaves its outcome unknown, so
/// the answer says to retry with the same Idempotency-Key, which makes the retry safe either way.
/// Everything else stays a 500. In the console every error is a page in the reader's language.
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
            _ when Transport(exception) is BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.Message
            },
            _ when Transport(exception) is { } unreadable => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Bad request",
                Detail = $"The request body cannot be read: {unreadable.Message}"
            },
            _ when DatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The event store cannot be reached just now. Retry after the time given, with the same Idempotency-Key: " +
                         "the request may have been recorded if the connection broke as it committed."
            },
            // The wait for an async read model (ProjectionWait) ran out: the daemon is down or far behind.
            TimeoutException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The figures are still being brought up to date with what was recorded. Retry after the time given."
            },
            _ => null
        };
        // A person in the console reads a page, whatever went wrong.
        if (problem is null && !context.IsConsole()) return false;

        context.Response.StatusCode = problem?.Status ?? StatusCodes.Status500InternalServerError;
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (problem is null || context.IsConsole())
        {
            await ConsoleStatusPage.WriteAsync(context);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception
        });
    }

    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The client's malformed request, however wrapped: Kestrel's own rejection, or an <see cref="IOException"/> that
    /// Kestrel throws while it decodes the body (a chunk size that overflows surfaces as one, not as a rejection).
    /// </summary>
    private static IOException? Transport(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException
                || e is IOException && e.Source?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true)
            {
                return (IOException)e;
            }
        }
        return null;
    }

    /// <summary>
    /// A connection refused, broken or timed out, a server shutting down or starting, or out of connections or other
    /// resources (SQLSTATE classes 08, 57P and 53), wherever Marten or Wolverine wrapped it.
    /// </summary>
    public static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                                            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal):
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }
}
