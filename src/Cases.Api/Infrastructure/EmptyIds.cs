using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Wolverine middleware for every endpoint: the empty id names no resource, so a route carrying one is 404 before
/// anything tries to load it (Marten refuses an empty stream id with an exception).
/// </summary>
public static class EmptyIds
{
    public static ProblemDetails Before(HttpContext context) =>
        context.Request.RouteValues.Any(v => v.Key.EndsWith("Id", StringComparison.Ordinal)
                                             && Guid.TryParse(v.Value?.ToString(), out var id) && id == Guid.Empty)
            ? new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = "The empty id names nothing." }
            : WolverineContinue.NoProblems;
}
