namespace Cases.Domain.Calls;

/// <summary>One day of a month's import: its date and its calls.</summary>
public sealed record DayCalls(DateOnly Date, IReadOnlyList<CallEntry>? Calls);

public sealed record LogMonthCalls(IReadOnlyList<DayCalls>? Days);

/// <summary>What a month's import does: the days it logs and the days that were logged already with the same calls.</summary>
public sealed record MonthCallsDecision(IReadOnlyList<CallsLogged> ToLog, IReadOnlyList<CallsLogged> AlreadyLogged);

public static class LogMonthCallsDecision
{
    public const int MaxDays = 31;

    /// <summary>
    /// A month is imported whole or not at all: each day is decided as the day import decides it
    /// (<see cref="LogCallsDecision"/>), and any logged day with other calls refuses the month, naming every such day.
    /// </summary>
    public static MonthCallsDecision Decide(IReadOnlyList<CallsLogged> records, IReadOnlyDictionary<DateOnly, CallsLogged> existing)
    {
        Rules.Ensure(Check(records, existing));
        return new MonthCallsDecision(
            records.Where(r => !existing.ContainsKey(r.Date)).ToArray(),
            records.Where(r => existing.ContainsKey(r.Date)).Select(r => existing[r.Date]).ToArray());
    }

    public static RuleViolation? Check(IReadOnlyList<CallsLogged> records, IReadOnlyDictionary<DateOnly, CallsLogged> existing)
    {
        var conflicting = records
            .Where(r => existing.TryGetValue(r.Date, out var logged) && LogCallsDecision.Check(r, logged) is not null)
            .Select(r => existing[r.Date])
            .ToArray();
        return conflicting.Length == 0
            ? null
            : new RuleViolation("calls-already-logged",
                $"The calls of line {conflicting[0].LineId} were logged already with other content on {string.Join(", ", conflicting.Select(d => $"{d.Date:yyyy-MM-dd} ({d.Count} calls)"))}; nothing of the month was logged. To change a logged day, correct its calls (PUT them with the day's version and a reason).");
    }
}
