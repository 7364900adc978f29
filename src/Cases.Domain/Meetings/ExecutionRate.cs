namespace Cases.Domain.Meetings;

/// <summary>A decision as the execution rate sees it: its due date in force and the day it was executed, if it was.</summary>
public sealed record DueDecision(DateOnly DueDate, DateOnly? ExecutedOn);

/// <summary>
/// Execution of the decisions due in a period. The rate is decisions executed by their due date over decisions due
/// in the period, counting only those whose due date is over: a decision due today or later is not yet due
/// (<see cref="NotYetDue"/>, executed or not) and counts in neither, so a period still running is judged on what
/// it could already be judged on.
/// </summary>
public sealed record ExecutionRate(DateOnly From, DateOnly To, int Due, int ExecutedOnTime, int ExecutedLate, int Overdue, int NotYetDue, decimal? RatePercent)
{
    public static ExecutionRate Compute(DateOnly from, DateOnly to, IEnumerable<DueDecision> decisions, DateOnly today)
    {
        var inPeriod = decisions.Where(d => d.DueDate >= from && d.DueDate <= to).ToArray();
        var passed = inPeriod.Where(d => d.DueDate < today).ToArray();
        var onTime = passed.Count(d => d.ExecutedOn <= d.DueDate);
        var late = passed.Count(d => d.ExecutedOn > d.DueDate);
        var overdue = passed.Count(d => d.ExecutedOn is null);
        return new ExecutionRate(from, to, inPeriod.Length, onTime, late, overdue, inPeriod.Length - passed.Length,
            passed.Length == 0 ? null : Math.Round(100m * onTime / passed.Length, 1, MidpointRounding.AwayFromZero));
    }
}
