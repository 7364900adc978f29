using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Meetings;

public static class MeetingsConfiguration
{
    /// <summary>The meetings' and decisions' events, the minutes and the decisions' execution, looked up as the endpoints filter them.</summary>
    public static StoreOptions ConfigureMeetings(this StoreOptions opts)
    {
        opts.Projections.Add<MeetingDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MeetingDetails>().Index(x => x.CommissionId).Index(x => x.ScheduledOn);
        opts.Projections.Add<DecisionSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DecisionSummary>()
            .Index(x => x.DueDate)
            .Index(x => x.CaseId)
            .Index(x => x.ExecutorName)
            .Index(x => x.CommissionId);
        return opts.MapEventTypes(MeetingEventNames.Stored);
    }
}
