namespace Cases.Domain.Meetings;

/// <summary>A decision as the execution rate sees it: its due date in force and the day it was executed, if it was.</summary>
public sealed record DueDecision(DateOnly DueDate, DateOnly? ExecutedOn);

/// <summary>
/// Execution of the decisions due in a period. The rate is decisions executed by their due date over decisions due
/// in the period; a decision whose due date has not passed and that is not executed yet is pending and counts in
/// neither, so a period that is still running is not penalised for what may yet be done on time.
/// </summary>
public sealed record ExecutionRate(DateOnly From, DateOnly To, int Due, int ExecutedOnTime, int ExecutedLate, int Overdue, int Pending, decimal? RatePercent)
{
    public static ExecutionRate Compute(DateOnly from, DateOnly to, IEnumerable<DueDecision> decisions, DateOnly today)
    {
        var due = decisions.Where(d => d.DueDate >= from && d.DueDate <= to).ToArray();
        var onTime = due.Count(d => d.ExecutedOn <= d.DueDate);
        var late = due.Count(d => d.ExecutedOn > d.DueDate);
        var pending = due.Count(d => d.ExecutedOn is null && d.DueDate >= today);
        var overdue = due.Count(d => d.ExecutedOn is null && d.DueDate < today);
        var counted = due.Length - pending;
        return new ExecutionRate(from, to, due.Length, onTime, late, overdue, pending,
            counted == 0 ? null : Math.Round(100m * onTime / counted, 1, MidpointRounding.AwayFromZero));
    }
}
