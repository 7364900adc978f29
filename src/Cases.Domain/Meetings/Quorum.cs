using Cases.Domain.Commissions;

namespace Cases.Domain.Meetings;

/// <summary>The arithmetic of quorum and majority, apart from any meeting so it can be tested on its own.</summary>
public static class Quorum
{
    /// <summary>How many voting members must be present, out of those in office on the day; never fewer than one.</summary>
    public static int Required(QuorumRule rule, int votingMembersInOffice) => Math.Max(1, rule switch
    {
        QuorumRule.TwoThirds => (2 * votingMembersInOffice + 2) / 3,
        _ => votingMembersInOffice / 2 + 1
    });

    public sealed record Tally(int For, int Against, int Abstained, bool Adopted, bool CastingVoteUsed);

    /// <summary>
    /// Counts the votes of the members eligible on an item. On a tie a chair with the casting vote decides it by their
    /// own vote: under more-than-half-of-present a tie is exactly half voting for, under more-for-than-against it is as
    /// many for as against.
    /// </summary>
    public static Tally Count(MajorityRule rule, int eligible, IReadOnlyCollection<Vote> votes, Vote? chairVote, bool chairHasCastingVote)
    {
        var @for = votes.Count(v => v == Vote.For);
        var against = votes.Count(v => v == Vote.Against);
        var abstained = votes.Count(v => v == Vote.Abstain);
        var tie = rule == MajorityRule.MoreForThanAgainst ? @for == against : 2 * @for == eligible;
        if (tie && chairHasCastingVote && chairVote is Vote.For or Vote.Against)
        {
            return new Tally(@for, against, abstained, chairVote == Vote.For, CastingVoteUsed: true);
        }
        var adopted = rule switch
        {
            MajorityRule.MoreForThanAgainst => @for > against,
            _ => @for > eligible / 2
        };
        return new Tally(@for, against, abstained, adopted, CastingVoteUsed: false);
    }
}
