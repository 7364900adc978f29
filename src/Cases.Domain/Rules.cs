namespace Cases.Domain;

/// <summary>Small helpers shared by the decisions: today's date and the checks most commands start with.</summary>
public static class Rules
{
    /// <summary>The business date of an instant, on the clock of its offset (the organisation's time zone).</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.DateTime);

    public static RuleViolation? NotBefore(DateOnly date, DateOnly earliest, string what, string earliestWhat) =>
        date < earliest
            ? new RuleViolation("date-before-" + earliestWhat.Replace(' ', '-'),
                $"The {what} date {date:yyyy-MM-dd} is before the {earliestWhat} date {earliest:yyyy-MM-dd}.")
            : null;

    /// <summary>Runs the checks in order and answers the first rule broken, or null.</summary>
    public static RuleViolation? First(params Func<RuleViolation?>[] checks)
    {
        foreach (var check in checks)
        {
            if (check() is { } violation) return violation;
        }
        return null;
    }

    /// <summary>Decisions are only called once their checks passed; a broken rule here is a programming error.</summary>
    public static void Ensure(RuleViolation? violation)
    {
        if (violation is not null)
            throw new InvalidOperationException($"Rule '{violation.Rule}' broken: {violation.Detail}");
    }
}
