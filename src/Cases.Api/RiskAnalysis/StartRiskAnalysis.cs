using Cases.Domain.RiskAnalysis;

namespace Cases.Api.RiskAnalysis;

public sealed record RiskAnalysisStartedResponse(Guid Id, long Version) : CreationResponse($"/api/risk-analyses/{Id}");

[Tags(ApiTags.RiskAnalysis)]
public static partial class StartRiskAnalysisEndpoint
{
    public const int MaxAreas = 20;
    public const int MaxMembers = 50;

    public static ProblemDetails Validate(StartRiskAnalysis command, RequestTime time)
    {
        var scope = command.Scope ?? [];
        var members = command.WorkingGroup ?? [];
        var fields = new FieldErrors()
            .Text("title", command.Title)
            .When(command.PeriodTo < command.PeriodFrom, "periodTo", "Must not be before periodFrom.")
            .When(command.PeriodFrom.Year < 2000, "periodFrom", "Must be in 2000 or later.")
            .NotInFuture("startedOn", command.StartedOn, time.Today)
            .When(members.Count is 0 or > MaxMembers, "workingGroup", $"Between 1 and {MaxMembers} members.")
            .When(scope.Count > MaxAreas, "scope", $"At most {MaxAreas} areas.")
            .When(scope.Select(a => a?.Trim()).Distinct().Count() < scope.Count, "scope", "Each area once.");
        for (var i = 0; i < members.Count && members.Count <= MaxMembers; i++)
        {
            fields.Text($"workingGroup[{i}].name", members[i]?.Name).Text($"workingGroup[{i}].position", members[i]?.Position);
        }
        for (var i = 0; i < scope.Count && scope.Count <= MaxAreas; i++)
        {
            fields.When(scope[i] is null || !AreaPattern().IsMatch(scope[i].Trim()), $"scope[{i}]", "An area in kebab-case, such as medical-activity.");
        }
        return fields.ToProblem();
    }

    /// <summary>Starts an internal analysis of corruption risks; each analysis is a stream of its own.</summary>
    [WolverinePost("/api/risk-analyses", OperationId = "StartRiskAnalysis")]
    [EndpointSummary("Start a corruption-risk analysis")]
    [Authorize(Roles = Roles.Compliance)]
    public static (RiskAnalysisStartedResponse, IStartStream) Post(StartRiskAnalysis command, RequestTime time)
    {
        var id = Guid.CreateVersion7();
        return (new RiskAnalysisStartedResponse(id, 1),
            MartenOps.StartStream<CorruptionRiskAnalysis>(id, StartRiskAnalysisDecision.Decide(command, id, time.Now)));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex AreaPattern();
}
