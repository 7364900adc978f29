namespace Cases.Domain.ActionPlans;

/// <summary>A report as the execution figures see it; <see cref="PeriodFrom"/> for a report on an ongoing item's period.</summary>
public sealed record ItemReport(ResponsibleBody Body, PlanItemProgress Progress, DateOnly ReportedOn, DateOnly? PeriodFrom = null);

/// <summary>
/// What one body owes under one item: the item itself by its last day, or, for an ongoing item, the report on one
/// reporting period by that period's last day (<see cref="PeriodFrom"/> is then its first day). Its progress is that
/// of the executed report, else of the latest one; null while nothing is reported.
/// </summary>
public sealed record PlanObligation(int ItemNumber, ResponsibleBody Body, DateOnly DueOn, DateOnly? PeriodFrom, PlanItemProgress? Progress,
    DateOnly? ReportedOn)
{
    public bool Executed => Progress == PlanItemProgress.Executed;

    /// <summary>Its last day is over by <paramref name="today"/>: from then on it is judged.</summary>
    public bool DueBy(DateOnly today) => DueOn < today;

    /// <summary>
    /// Still waiting for what it needs: an item with a deadline, a report that it was executed; an ongoing item's
    /// period, a report at all (a period can be reported partially executed, and it was still reported).
    /// </summary>
    public bool Open => PeriodFrom is null ? !Executed : Progress is null;

    /// <summary>Past its last day without what it needed (see <see cref="Open"/>).</summary>
    public bool OverdueOn(DateOnly today) => DueBy(today) && Open;
}

public static class PlanObligations
{
    /// <summary>An ongoing item is reported on from the period it was added in, or the plan's first if it was added before the plan began.</summary>
    public static (DateOnly From, DateOnly To) FirstPeriod(Term term, DateOnly addedOn, DateOnly planFrom) =>
        term.ReportingPeriodOf(addedOn > planFrom ? addedOn : planFrom);

    /// <summary>Every obligation of an item, body by body; an ongoing item's periods run until the plan's period ends.</summary>
    public static IEnumerable<PlanObligation> Of(int number, Term term, DateOnly addedOn, DateOnly planFrom, DateOnly planTo,
        IReadOnlyList<ResponsibleBody> responsible, IReadOnlyList<ItemReport> reports)
    {
        foreach (var body in responsible)
        {
            var own = reports.Where(r => r.Body == body).ToList();
            if (term.LastDay is { } last)
            {
                var counted = own.Find(r => r.Progress == PlanItemProgress.Executed) ?? own.LastOrDefault();
                yield return new PlanObligation(number, body, last, null, counted?.Progress, counted?.ReportedOn);
                continue;
            }
            for (var period = FirstPeriod(term, addedOn, planFrom); period.From <= planTo; period = term.ReportingPeriodOf(period.To.AddDays(1)))
            {
                var report = own.Find(r => r.PeriodFrom == period.From);
                yield return new PlanObligation(number, body, period.To, period.From, report?.Progress, report?.ReportedOn);
            }
        }
    }
}

/// <summary>
/// Obligations whose last day falls in a period, judged on a day: <see cref="Due"/> those whose last day is over,
/// <see cref="Executed"/> of them those reported executed (late or not), <see cref="Overdue"/> those past their last
/// day without what they needed, and <see cref="NotYetDue"/> those still running, executed or not. The rate is executed
/// over due. Unlike the decisions' <see cref="Meetings.ExecutionRate"/>, a late execution counts: an ongoing item's
/// period is reported after it closes, and a plan's item executed late is still executed.
/// </summary>
public sealed record PlanExecutionFigures(int Due, int Executed, int Overdue, int NotYetDue, decimal? RatePercent)
{
    public static PlanExecutionFigures Of(IReadOnlyCollection<PlanObligation> obligations, DateOnly today)
    {
        var due = obligations.Where(o => o.DueBy(today)).ToArray();
        var executed = due.Count(o => o.Executed);
        return new PlanExecutionFigures(due.Length, executed, due.Count(o => o.OverdueOn(today)), obligations.Count - due.Length,
            due.Length == 0 ? null : Math.Round(100m * executed / due.Length, 1, MidpointRounding.AwayFromZero));
    }
}

/// <summary>One responsible body's figures, and the items it is overdue on.</summary>
public sealed record PlanBodyExecution(string Body, string? Organisation, PlanExecutionFigures Figures, IReadOnlyList<int> OverdueItems);

/// <summary>
/// A plan's execution over the obligations falling due from <see cref="From"/> to <see cref="To"/> (the whole plan when
/// not given), as of <see cref="AsOf"/>: in total, the items overdue for any body, and body by body in the order the
/// plan first names them.
/// </summary>
public sealed record PlanExecution(DateOnly? From, DateOnly? To, DateOnly AsOf, PlanExecutionFigures Total, IReadOnlyList<int> OverdueItems,
    IReadOnlyList<PlanBodyExecution> Bodies)
{
    public static PlanExecution Compute(IEnumerable<PlanObligation> obligations, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var within = obligations.Where(o => (from is null || o.DueOn >= from) && (to is null || o.DueOn <= to)).ToArray();
        return new PlanExecution(from, to, today, PlanExecutionFigures.Of(within, today), ItemsOverdue(within, today),
        [
            .. within.GroupBy(o => o.Body).Select(body =>
                new PlanBodyExecution(body.Key.Body, body.Key.Organisation, PlanExecutionFigures.Of([.. body], today), ItemsOverdue(body, today)))
        ]);
    }

    private static int[] ItemsOverdue(IEnumerable<PlanObligation> obligations, DateOnly today) =>
        [.. obligations.Where(o => o.OverdueOn(today)).Select(o => o.ItemNumber).Distinct().Order()];
}
