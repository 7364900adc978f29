using Cases.Domain.Commissions;

namespace Cases.Api.Commissions;

public static class CommissionChecks
{
    /// <summary>The same answer for a commission never established and one of another organisation.</summary>
    public const string Missing = "Commission {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Commission> stream,
        Func<Commission, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, c => $"Commission {c.Name}", rule);
}
