namespace Cases.Domain.Calls;

/// <summary>One call as the telephony export gives it: the time it started, how long it lasted, its topic.</summary>
public sealed record CallEntry(string? At, int DurationSeconds, string? Topic, bool AboutCorruption = false);

public sealed record LogCalls(IReadOnlyList<CallEntry>? Calls);

/// <summary>
/// A line's calls of one day, imported at once (a day is one stream, so a day is logged once). The calls are kept
/// compactly, column by column in order of time: the second of the day each started, its duration in seconds, its
/// topic, and the positions of those about corruption. The counts are the figures the statistics read.
/// </summary>
public sealed record CallsLogged(
    string LineId,
    DateOnly Date,
    int Count,
    int AboutCorruption,
    IReadOnlyList<int> StartedAtSecond,
    IReadOnlyList<int> DurationSeconds,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> AboutCorruptionAt);

public static class LogCallsDecision
{
    public const int MaxCallsPerDay = 5_000;

    /// <summary>
    /// What the import appends: the day's record when the day has none; nothing when the day holds the same calls
    /// (a retried import). Other calls for a logged day break <see cref="Check"/>: only a correction changes them
    /// (<see cref="CorrectCallsDecision"/>).
    /// </summary>
    public static CallsLogged? Decide(CallsLogged record, CallsLogged? existing)
    {
        if (existing is null) return record;
        Rules.Ensure(Check(record, existing));
        return null;
    }

    public static RuleViolation? Check(CallsLogged record, CallsLogged existing) => Same(record, existing)
        ? null
        : new RuleViolation("calls-already-logged",
            $"The calls of line {existing.LineId} on {existing.Date:yyyy-MM-dd} were logged already ({existing.Count} calls), with other content: to change them, correct the day's calls (PUT them with the day's version and a reason).");

    public static CallsLogged Record(string lineId, DateOnly date, IReadOnlyList<(TimeOnly At, int Duration, string Topic, bool AboutCorruption)> calls)
    {
        // In order of time (then duration and topic), so that the same calls in another order are the same record.
        var ordered = calls
            .Select(c => (Second: (int)(c.At.Ticks / TimeSpan.TicksPerSecond), c.Duration, Topic: c.Topic.Trim(), c.AboutCorruption))
            .OrderBy(c => c.Second).ThenBy(c => c.Duration).ThenBy(c => c.Topic, StringComparer.Ordinal).ThenBy(c => c.AboutCorruption)
            .ToArray();
        var corrupt = ordered.Select((c, i) => (c, i)).Where(p => p.c.AboutCorruption).Select(p => p.i).ToArray();
        return new CallsLogged(lineId, date, ordered.Length, corrupt.Length,
            ordered.Select(c => c.Second).ToArray(), ordered.Select(c => c.Duration).ToArray(),
            ordered.Select(c => c.Topic).ToArray(), corrupt);
    }

    internal static bool Same(CallsLogged a, CallsLogged b) =>
        a.LineId == b.LineId && a.Date == b.Date && a.Count == b.Count && a.AboutCorruption == b.AboutCorruption
        && a.StartedAtSecond.SequenceEqual(b.StartedAtSecond) && a.DurationSeconds.SequenceEqual(b.DurationSeconds)
        && a.Topics.SequenceEqual(b.Topics, StringComparer.Ordinal) && a.AboutCorruptionAt.SequenceEqual(b.AboutCorruptionAt);
}

public static class CallEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(CallLineConfigured)] = "call_line_configured",
        [typeof(CallsLogged)] = "calls_logged",
        [typeof(CallsCorrected)] = "calls_corrected"
    };
}
