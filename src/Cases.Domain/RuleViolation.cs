namespace Cases.Domain;

/// <summary>A business rule a command would break. <paramref name="Rule"/> is a stable kebab-case code.</summary>
public sealed record RuleViolation(string Rule, string Detail);
