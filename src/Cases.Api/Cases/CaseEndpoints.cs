namespace Cases.Api.Cases;

/// <summary>What every command on a case answers: the case and the version to send with the next command.</summary>
public sealed record CaseWritten(Guid Id, string Number, long Version)
{
    public static CaseWritten Append(IEventStream<Case> stream, object @event)
    {
        stream.AppendOne(@event);
        return new CaseWritten(stream.Id, stream.Aggregate!.Number, stream.CurrentVersion!.Value);
    }
}

/// <summary>
/// The order every case command checks in: well-formed fields (400), the expected version (409 stale-version), then
/// the business rule (409). A case that does not exist, or belongs to another organisation, was answered 404 before.
/// </summary>
public static class CaseChecks
{
    /// <summary>The same answer for a case never registered and one of another organisation.</summary>
    public const string Missing = "Case {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Case> stream,
        Func<Case, RuleViolation?> rule)
    {
        if (fields.Positive("expectedVersion", expectedVersion).Any) return fields.ToProblem();
        var actual = stream.StartingVersion ?? 0;
        return expectedVersion != actual
            ? Problems.StaleVersion($"Case {stream.Aggregate!.Number}", expectedVersion, actual)
            : Problems.RuleOrContinue(rule(stream.Aggregate!));
    }
}
