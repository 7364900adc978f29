using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Wolverine middleware for every endpoint: route and query-string values are held to the same contract as bodies
/// (<see cref="JsonContract"/>), by the types the OpenAPI document gives them, before anything is loaded. Wolverine's
/// own binding parses leniently (<c>Guid.TryParse</c> takes braces and 32 bare digits, dates take any invariant form,
/// enums any case and numbers). A route id that is not a canonical, non-empty GUID names no record: 404, as Wolverine
/// answers for one it cannot parse at all. A query value outside its form, or given twice, is 400 naming the parameter,
/// and so is a parameter the endpoint does not take: the service accepts nothing its contract does not describe, so a
/// misspelt filter (<c>stauts=open</c>) is refused rather than silently widening the answer.
/// </summary>
public static partial class RouteAndQueryValues
{
    private static readonly ConditionalWeakTable<HttpChain, Declared> Contracts = new();

    public static ProblemDetails Before(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is not { } chain) return WolverineContinue.NoProblems;
        var declared = Contracts.GetValue(chain, Declared.Of);

        foreach (var (name, type) in declared.Route)
        {
            var value = context.Request.RouteValues.TryGetValue(name, out var raw) ? raw?.ToString() : null;
            if (value is not null && !IsCanonicalRouteValue(value, type))
            {
                return new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Not found",
                    Detail = (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid)
                        ? $"No record has the id '{value}': an id is {JsonContract.GuidFormat}, and never all zeros."
                        : $"Nothing is found at '{value}'."
                };
            }
        }

        var errors = new FieldErrors();
        foreach (var (key, values) in context.Request.Query)
        {
            if (!declared.Query.TryGetValue(key, out var parameter))
            {
                errors.Add(key, declared.Query.Count == 0
                    ? "This endpoint takes no query parameters."
                    : $"Not a parameter of this endpoint; it takes {string.Join(", ", declared.Query.Values.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))}.");
                continue;
            }
            var field = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
            if (values.Count > 1) errors.Add(field, "Given more than once.");
            else if (QueryValueProblem(values.ToString(), parameter.Type) is { } problem) errors.Add(field, problem);
        }
        return errors.ToProblem();
    }

    /// <summary>
    /// Wolverine refuses a query value it cannot parse at all (<c>page=abc</c>) before any middleware runs, in a shape
    /// of its own (a <c>parameter</c> extension); this gives that refusal the contract's shape: <c>errors</c> by the
    /// parameter's camelCase name, saying what the value must be.
    /// </summary>
    public static void Reshape(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is ValidationProblemDetails || problem.Status != StatusCodes.Status400BadRequest || problem.Extensions.ContainsKey("errors")
            || !problem.Extensions.TryGetValue("parameter", out var named) || named is not string parameter
            || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is not { } chain)
        {
            return;
        }
        var declared = Contracts.GetValue(chain, Declared.Of);
        var declaredAs = declared.Query.GetValueOrDefault(parameter);
        var message = declaredAs is null ? null : QueryValueProblem(context.HttpContext.Request.Query[parameter].ToString(), declaredAs.Type);
        var invalid = Problems.Invalid(new Dictionary<string, string[]>
        {
            [JsonNamingPolicy.CamelCase.ConvertName(declaredAs?.Name ?? parameter)] = [message ?? "Not a valid value."]
        });
        problem.Title = invalid.Title;
        problem.Detail = invalid.Detail;
        problem.Extensions.Remove("parameter");
        problem.Extensions["errors"] = ((ValidationProblemDetails)invalid).Errors;
    }

    /// <summary>
    /// A route value as the one form its type takes. An id's spelling was held to the canonical one before routing
    /// (<see cref="CanonicalRequests"/>); what is left to refuse is the id of no record, all zeros.
    /// </summary>
    private static bool IsCanonicalRouteValue(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Guid)) return Guid.TryParse(value, out var id) && id != Guid.Empty;
        return QueryValueProblem(value, type) is null;
    }

    /// <summary>What is wrong with a query value for its declared type, or null when it is in the type's one form.</summary>
    private static string? QueryValueProblem(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => KebabEnum.Accepted(type).Contains(value, StringComparer.Ordinal) ? null : KebabEnum.Expected(type),
            _ when type == typeof(Guid) => CanonicalGuid.TryParse(value, out _) ? null : $"Not a valid id; expected {JsonContract.GuidFormat}.",
            _ when type == typeof(DateOnly) => CanonicalDateConverter.TryParse(value, out _) ? null : $"Not a valid date; expected {JsonContract.DateFormat}.",
            _ when type == typeof(DateTimeOffset) => CanonicalMomentConverter.TryParse(value, out _) ? null : $"Not a valid moment; expected {JsonContract.MomentFormat}.",
            _ when type == typeof(bool) => value is "true" or "false" ? null : "Expected true or false.",
            _ when type == typeof(int) => WholeNumber().IsMatch(value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? null : $"Expected a whole number from {int.MinValue} to {int.MaxValue}, in digits only.",
            _ when type == typeof(long) => WholeNumber().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? null : $"Expected a whole number from {long.MinValue} to {long.MaxValue}, in digits only.",
            _ => null
        };
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    /// <summary>A route or query parameter as the endpoint's OpenAPI description declares it.</summary>
    private sealed record Parameter(string Name, Type Type);

    /// <summary>The route and query parameters of one endpoint, with the types its OpenAPI description declares.</summary>
    private sealed record Declared(IReadOnlyList<Parameter> Route, IReadOnlyDictionary<string, Parameter> Query)
    {
        /// <summary>Read from the chain's own description, the one the OpenAPI document is made of, once per endpoint.</summary>
        public static Declared Of(HttpChain chain)
        {
            var parameters = chain.CreateApiDescription(chain.HttpMethods.First()).ParameterDescriptions.Where(p => p.Type is not null).ToArray();
            var route = parameters.Where(p => p.Source == BindingSource.Path).Select(p => new Parameter(p.Name, p.Type)).DistinctBy(p => p.Name).ToList();
            // A route id the description does not type (an endpoint left out of the document) is still an id.
            route.AddRange(chain.RoutePattern!.Parameters.Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && route.All(r => r.Name != p.Name))
                .Select(p => new Parameter(p.Name, typeof(Guid))));
            // Matched case-insensitively, as ASP.NET Core and Wolverine read query strings.
            var query = parameters.Where(p => p.Source == BindingSource.Query).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(p => p.Name, p => new Parameter(p.Name, p.Type), StringComparer.OrdinalIgnoreCase);
            return new Declared(route, query);
        }
    }
}
