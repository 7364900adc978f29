namespace Cases.Domain.Commissions;

// The facts of a commission's life: its rules and who sits on it from which day. Who recorded each fact and when come
// from event metadata; the dates here are the dates of the orders that established the commission or appointed a member.

public sealed record CommissionEstablished(
    Guid CommissionId,
    string Name,
    CommissionKind Kind,
    QuorumRule Quorum,
    MajorityRule Majority,
    bool ChairHasCastingVote,
    DateOnly EstablishedOn);

/// <summary><see cref="Position"/> is the office the member holds outside the commission ("akim of the region"), if given.</summary>
public sealed record CommissionMemberAppointed(
    Guid CommissionId,
    string PersonnelNumber,
    string FullName,
    string? UserName,
    MemberRole Role,
    DateOnly From,
    string? Position = null);

/// <summary>The member's last day in office was <see cref="Until"/>.</summary>
public sealed record CommissionMemberReleased(Guid CommissionId, string PersonnelNumber, DateOnly Until);

public enum CommissionKind
{
    Disciplinary,
    Ethics,
    AntiCorruption,
    Other
}

/// <summary>The secretary keeps the minutes and does not vote; everyone else on the commission does.</summary>
public enum MemberRole
{
    Chair,
    DeputyChair,
    Member,
    Secretary
}

/// <summary>How many voting members in office must be present for the commission to decide.</summary>
public enum QuorumRule
{
    MoreThanHalf,
    TwoThirds
}

/// <summary>How many votes adopt a decision.</summary>
public enum MajorityRule
{
    /// <summary>More than half of the members present who may vote on the item vote for it.</summary>
    MoreThanHalfOfPresent,

    /// <summary>More votes for than against; abstentions count for neither.</summary>
    MoreForThanAgainst
}

/// <summary>The name each commission event is stored under; a name, once used, never changes meaning.</summary>
public static class CommissionEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(CommissionEstablished)] = "commission_established",
        [typeof(CommissionMemberAppointed)] = "commission_member_appointed",
        [typeof(CommissionMemberReleased)] = "commission_member_released"
    };
}
