using Cases.Domain.Meetings;

namespace Cases.Api.Meetings;

public static class DecisionChecks
{
    /// <summary>The same answer for a decision never adopted and one of another organisation.</summary>
    public const string Missing = "Decision {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<ProtocolDecision> stream,
        Func<ProtocolDecision, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, d => $"Decision {d.ProtocolNumber}", rule);
}
