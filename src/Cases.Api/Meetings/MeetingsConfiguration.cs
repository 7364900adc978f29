using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Meetings;

public static class MeetingsConfiguration
{
    /// <summary>
    /// The meetings' and decisions' events, each meeting and decision kept as a snapshot written with them (a command
    /// reads that one row, not the whole stream), the minutes and the decisions' execution (and the instructions other organisations' commissions addressed to this one), looked up as the endpoints filter them.
    /// </summary>
    public static StoreOptions ConfigureMeetings(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ProtocolDecision>(SnapshotLifecycle.Inline);
        opts.Projections.Add<MeetingDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MeetingDetails>().Index(x => x.CommissionId).Index(x => x.ScheduledOn);
        opts.Projections.Add<DecisionSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DecisionSummary>()
            .Index(x => x.DueDate)
            .Index(x => x.CaseId)
            .Index(x => x.ExecutorName)
            .Index(x => x.CommissionId);
        opts.Projections.Snapshot<ReceivedInstruction>(SnapshotLifecycle.Inline);
        opts.Projections.Add<InstructionSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<InstructionSummary>().Index(x => x.DueDate);
        return opts.MapEventTypes(MeetingEventNames.Stored);
    }
}
