using Cases.Domain.RiskAnalysis;
using Cases.Projections.RiskAnalysis;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.RiskAnalysis;

public static class RiskAnalysisConfiguration
{
    /// <summary>
    /// An analysis's events, the analysis kept as a snapshot written with them (a command reads that one row), and the
    /// analysis as the compliance service reads it back, listed by period.
    /// </summary>
    public static StoreOptions ConfigureRiskAnalysis(this StoreOptions opts)
    {
        opts.Projections.Snapshot<CorruptionRiskAnalysis>(SnapshotLifecycle.Inline);
        opts.Projections.Add<RiskAnalysisSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<RiskAnalysisSummary>().Index(x => x.PeriodTo);
        return opts.MapEventTypes(RiskAnalysisEventNames.Stored);
    }
}
