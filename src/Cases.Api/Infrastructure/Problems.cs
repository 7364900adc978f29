using Cases.Api.WebConsole;
using Cases.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Infrastructure;

/// <summary>The ProblemDetails every endpoint answers with, so clients see one shape for each kind of refusal.</summary>
public static class Problems
{
    public const string RuleExtension = "rule";

    /// <summary>409: the command would break a business rule; <c>rule</c> names it.</summary>
    public static ProblemDetails Rule(RuleViolation violation) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = $"urn:cases:rule:{violation.Rule}",
        Title = "Business rule violated: " + violation.Rule,
        Detail = violation.Detail,
        Extensions = { [RuleExtension] = violation.Rule }
    };

    public static ProblemDetails RuleOrContinue(RuleViolation? violation) =>
        violation is null ? WolverineContinue.NoProblems : Rule(violation);

    /// <summary>409: the client's expected version is not the stream's; it must reload and decide again.</summary>
    public static ProblemDetails StaleVersion(string resource, long expected, long actual) => Rule(new RuleViolation(
        "stale-version",
        $"{resource} is at version {actual}, not {expected}: it changed since you read it. Reload and try again."));

    public static ProblemDetails Invalid(IDictionary<string, string[]> errors) => new ValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = "See errors for each field."
    };

    /// <summary>413: the body is over the endpoint's limit (or the service's).</summary>
    public static ProblemDetails TooLarge(long maxBytes) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Request body too large",
        Detail = $"A request body may hold at most {maxBytes} bytes."
    };

    /// <summary>
    /// An error answered without a body (401, 403, 404, 405, 406, 415) gets a ProblemDetails, also when the request's
    /// Accept names no JSON (ASP.NET Core's own page would then be text), so that every refusal has the documented shape.
    /// The console's pages are for people, not clients: theirs is a page (<see cref="ConsoleStatusPage"/>).
    /// </summary>
    public static Task StatusCodePage(StatusCodeContext context) => context.HttpContext.IsConsole()
        ? ConsoleStatusPage.WriteAsync(context.HttpContext)
        : Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);

    /// <summary>
    /// Every 400 names what is wrong in <c>errors</c>, also those the framework writes itself: Wolverine's refusal of
    /// an unparseable query or header value names the field, spelled as the API's JSON spells fields; any other is about
    /// the request as a whole (<c>$</c>).
    /// </summary>
    public static void NameTheFields(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem is HttpValidationProblemDetails || problem.Extensions.ContainsKey("errors"))
        {
            return;
        }
        var naming = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy;
        var field = problem.Extensions.TryGetValue("parameter", out var parameter) && parameter is string name
            ? naming?.ConvertName(name) ?? name
            : problem.Extensions.TryGetValue("header", out var header) && header is string headerName ? headerName : "$";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail ?? problem.Title ?? "Not valid."] };
    }
}
