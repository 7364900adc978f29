namespace Cases.Domain.Calls;

/// <summary>What a correction of a day's calls carries besides the calls: the day's version the client read, and why.</summary>
public sealed record CorrectCalls(long ExpectedVersion = 0, string? Reason = null);

/// <summary>
/// A logged day's calls as they should have been, all of them, in place of those logged or corrected before, which
/// stay in the day's stream as they were stored; kept as <see cref="CallsLogged"/> keeps them, with the reason.
/// </summary>
public sealed record CallsCorrected(
    string LineId,
    DateOnly Date,
    int Count,
    int AboutCorruption,
    IReadOnlyList<int> StartedAtSecond,
    IReadOnlyList<int> DurationSeconds,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> AboutCorruptionAt,
    string Reason)
{
    /// <summary>The day's calls as they stand after the correction, in the shape of a logging.</summary>
    public CallsLogged AsLogged() => new(LineId, Date, Count, AboutCorruption, StartedAtSecond, DurationSeconds, Topics, AboutCorruptionAt);
}

/// <summary>A logged day's calls as they stand, and the version of the day's stream.</summary>
public sealed record LoggedDay(CallsLogged Calls, long Version)
{
    /// <summary>The day from its stream's events, oldest first: the last logging or correction holds; null for a day never logged.</summary>
    public static LoggedDay? Of(IEnumerable<object> events)
    {
        var (calls, version) = ((CallsLogged?)null, 0L);
        foreach (var e in events)
        {
            version++;
            calls = e switch
            {
                CallsLogged logged => logged,
                CallsCorrected corrected => corrected.AsLogged(),
                _ => calls
            };
        }
        return calls is null ? null : new LoggedDay(calls, version);
    }
}

public static class CorrectCallsDecision
{
    /// <summary>A correction changes the day: the calls it holds already would change nothing.</summary>
    public static RuleViolation? Check(CallsLogged corrected, LoggedDay day) => LogCallsDecision.Same(corrected, day.Calls)
        ? new RuleViolation("nothing-to-correct",
            $"The calls of line {day.Calls.LineId} on {day.Calls.Date:yyyy-MM-dd} are these already ({day.Calls.Count} calls): the correction would change nothing.")
        : null;

    public static CallsCorrected Decide(CallsLogged corrected, LoggedDay day, string reason)
    {
        Rules.Ensure(Check(corrected, day));
        return new CallsCorrected(corrected.LineId, corrected.Date, corrected.Count, corrected.AboutCorruption, corrected.StartedAtSecond,
            corrected.DurationSeconds, corrected.Topics, corrected.AboutCorruptionAt, reason.Trim());
    }
}
