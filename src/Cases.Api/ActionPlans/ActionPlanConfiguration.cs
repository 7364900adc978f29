using Cases.Domain.ActionPlans;
using Cases.Projections.ActionPlans;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.ActionPlans;

public static class ActionPlanConfiguration
{
    /// <summary>
    /// A plan's events, the plan kept as a snapshot written with them (a command reads that one row), and the plan as
    /// the compliance service reads it back, listed by period; its execution is computed from that document.
    /// </summary>
    public static StoreOptions ConfigureActionPlans(this StoreOptions opts)
    {
        opts.Projections.Snapshot<ActionPlan>(SnapshotLifecycle.Inline);
        opts.Projections.Add<ActionPlanSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ActionPlanSummary>().Index(x => x.PeriodTo).Index(x => x.PeriodFrom);
        return opts.MapEventTypes(ActionPlanEventNames.Stored);
    }
}
