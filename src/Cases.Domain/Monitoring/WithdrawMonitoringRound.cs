namespace Cases.Domain.Monitoring;

public sealed record WithdrawMonitoringRound(long ExpectedVersion, string Reason);

public static class WithdrawMonitoringRoundDecision
{
    /// <summary>A round is withdrawn once.</summary>
    public static RuleViolation? Check(MonitoringRecord state) =>
        MonitoringRoundRules.NotWithdrawn(state, "round-already-withdrawn", "not withdrawn again");

    public static MonitoringRoundWithdrawn Decide(WithdrawMonitoringRound command, MonitoringRecord state)
    {
        Rules.Ensure(Check(state));
        return new MonitoringRoundWithdrawn(state.Id, command.Reason.Trim());
    }
}
