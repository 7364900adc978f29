namespace Cases.Domain.Commissions;

public sealed record EstablishCommission(
    string Name,
    CommissionKind Kind,
    DateOnly EstablishedOn,
    QuorumRule Quorum = QuorumRule.MoreThanHalf,
    MajorityRule Majority = MajorityRule.MoreThanHalfOfPresent,
    bool ChairHasCastingVote = false);

public static class EstablishCommissionDecision
{
    public static CommissionEstablished Decide(EstablishCommission command, Guid commissionId) => new(
        commissionId, command.Name.Trim(), command.Kind, command.Quorum, command.Majority, command.ChairHasCastingVote,
        command.EstablishedOn);
}
