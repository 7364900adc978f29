using Cases.Domain;
using Marten.Events;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Infrastructure;

/// <summary>What a command on an existing stream answers: the stream and the version to send with the next command.</summary>
public sealed record Written(Guid Id, long Version)
{
    public static Written Append<T>(IEventStream<T> stream, IEnumerable<object> events) where T : class
    {
        stream.AppendMany(events);
        return new Written(stream.Id, stream.CurrentVersion!.Value);
    }

    public static Written Append<T>(IEventStream<T> stream, object @event) where T : class => Append(stream, [@event]);
}

/// <summary>
/// The order every command on an existing stream checks in: well-formed fields (400), the expected version (409
/// stale-version), then the business rule (409). A stream that does not exist, or belongs to another organisation,
/// was answered 404 before.
/// </summary>
public static class StreamChecks
{
    public static ProblemDetails Answer<T>(FieldErrors fields, long expectedVersion, IEventStream<T> stream,
        Func<T, string> describe, Func<T, RuleViolation?> rule) where T : class
    {
        if (fields.Positive("expectedVersion", expectedVersion).Any) return fields.ToProblem();
        var actual = stream.StartingVersion ?? 0;
        return expectedVersion != actual
            ? Problems.StaleVersion(describe(stream.Aggregate!), expectedVersion, actual)
            : Problems.RuleOrContinue(rule(stream.Aggregate!));
    }
}
