namespace Cases.Domain.RiskAnalysis;

public sealed record StartRiskAnalysis(string Title, DateOnly PeriodFrom, DateOnly PeriodTo, IReadOnlyList<WorkingGroupMember> WorkingGroup,
    IReadOnlyList<string>? Scope = null, DateOnly? StartedOn = null);

public static class StartRiskAnalysisDecision
{
    /// <summary>Starts an analysis of the areas named, or of the three areas of the oncology centre's when none are.</summary>
    public static RiskAnalysisStarted Decide(StartRiskAnalysis command, Guid analysisId, DateTimeOffset now) => new(
        analysisId,
        command.Title.Trim(),
        command.Scope is { Count: > 0 } scope ? [.. scope.Select(a => a.Trim())] : CorruptionRiskAnalysis.DefaultScope,
        [.. command.WorkingGroup.Select(m => new WorkingGroupMember(m.Name.Trim(), m.Position.Trim()))],
        command.PeriodFrom,
        command.PeriodTo,
        command.StartedOn ?? Rules.Today(now));
}
