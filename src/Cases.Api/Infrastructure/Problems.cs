using Cases.Domain;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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
}
