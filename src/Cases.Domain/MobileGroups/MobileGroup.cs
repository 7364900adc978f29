namespace Cases.Domain.MobileGroups;

/// <summary>The write model of one mobile group's stream. Immutable.</summary>
public sealed partial record MobileGroup
{
    public Guid Id { get; init; }
    public DateOnly FormedOn { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly? DisbandedOn { get; init; }

    /// <summary>The members as the group stands now; those who left are gone.</summary>
    public IReadOnlyList<GroupMember> Members { get; init; } = [];

    public DateOnly? ScheduleApprovedOn { get; init; }
    public IReadOnlyList<PlannedVisit> Planned { get; init; } = [];
    public IReadOnlyList<int> PlannedHeld { get; init; } = [];
    public int VisitsHeld { get; init; }
    public DateOnly? LastVisitOn { get; init; }

    public GroupMember? Member(string fullName) =>
        Members.FirstOrDefault(m => string.Equals(m.FullName, fullName.Trim(), StringComparison.OrdinalIgnoreCase));

    public static MobileGroup Create(MobileGroupFormed e) => new()
    {
        Id = e.GroupId, FormedOn = e.FormedOn, StartsOn = e.StartsOn, Members = e.Members
    };

    public MobileGroup Apply(GroupMemberJoined e) => this with { Members = [.. Members, e.Member] };

    public MobileGroup Apply(GroupMemberLeft e) =>
        this with { Members = [.. Members.Where(m => !string.Equals(m.FullName, e.FullName, StringComparison.OrdinalIgnoreCase))] };

    public MobileGroup Apply(VisitScheduleApproved e) => this with { ScheduleApprovedOn = e.ApprovedOn, Planned = e.Visits };

    public MobileGroup Apply(GroupVisitHeld e) => this with
    {
        VisitsHeld = VisitsHeld + 1,
        LastVisitOn = LastVisitOn > e.HeldOn ? LastVisitOn : e.HeldOn,
        PlannedHeld = e.PlannedVisit is { } planned ? [.. PlannedHeld, planned] : PlannedHeld
    };

    public MobileGroup Apply(MobileGroupDisbanded e) => this with { DisbandedOn = e.DisbandedOn };
}

public static class MobileGroupRules
{
    public static RuleViolation? NotDisbanded(MobileGroup g) => g.DisbandedOn is { } disbanded
        ? new RuleViolation("group-disbanded", $"The mobile group was disbanded on {disbanded:yyyy-MM-dd}; nothing is added to it.")
        : null;

    public static RuleViolation? NotBeforeFormation(DateOnly date, MobileGroup g, string what) => Rules.NotBefore(date, g.FormedOn, what, "formation");

    /// <summary>A group has one head: the one it has, if any, is released before another is named.</summary>
    public static RuleViolation? OneHead(MobileGroup g, GroupMember member) =>
        member.Role == MobileGroupRole.Head && g.Members.FirstOrDefault(m => m.Role == MobileGroupRole.Head) is { } head
            ? new RuleViolation("group-has-a-head", $"{head.FullName} heads the group; release them before another is named head.")
            : null;
}
