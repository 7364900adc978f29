namespace Cases.Api.Audit;

/// <summary>Marks a read that records who read what: it gets the same event metadata as a write.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedReadAttribute : Attribute;
