using Cases.Api.Infrastructure;
using Cases.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Cases;

/// <summary>What every command on a case answers: the case and the version to send with the next command.</summary>
public sealed record CaseWritten(Guid Id, string Number, long Version);

/// <summary>The order every case command checks in: well-formed fields (400), then the business rule (409).</summary>
public static class CaseChecks
{
    public static ProblemDetails Answer(FieldErrors fields, Func<RuleViolation?> rule) =>
        fields.Any ? fields.ToProblem() : Problems.RuleOrContinue(rule());
}
