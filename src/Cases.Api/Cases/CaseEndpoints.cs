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

/// <summary>The checks of every case command, in <see cref="StreamChecks"/>' order.</summary>
public static class CaseChecks
{
    /// <summary>The same answer for a case never registered and one of another organisation.</summary>
    public const string Missing = "Case {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Case> stream,
        Func<Case, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, c => $"Case {c.Number}", rule);
}
