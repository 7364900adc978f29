using Cases.Domain.Sanctions;

namespace Cases.Api.Sanctions;

public static class SanctionChecks
{
    /// <summary>The same answer for a sanction never imposed and one of another organisation.</summary>
    public const string Missing = "Sanction {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Sanction> stream,
        Func<Sanction, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, s => $"The sanction of employee {s.PersonnelNumber}", rule);
}
