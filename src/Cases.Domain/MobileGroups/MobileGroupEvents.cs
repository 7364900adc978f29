using Cases.Domain.Monitoring;

namespace Cases.Domain.MobileGroups;

public enum MobileGroupRole
{
    Head,
    Member
}

/// <summary>
/// A member of a mobile group: the person, the body they come from ("Nur Otan party branch", "maslikhat deputies"), and,
/// for a body that is an organisation of the service, its code.
/// </summary>
public sealed record GroupMember(string FullName, string Body, MobileGroupRole Role = MobileGroupRole.Member, string? OrganisationCode = null);

/// <summary>
/// An anti-corruption mobile group created for an area (a city or a district), drawn from several bodies, and the day it
/// starts working ("the mobile groups will start working in October 2017").
/// </summary>
public sealed record MobileGroupFormed(Guid GroupId, string Name, string Area, DateOnly FormedOn, DateOnly StartsOn, IReadOnlyList<GroupMember> Members);

public sealed record GroupMemberJoined(Guid GroupId, GroupMember Member, DateOnly JoinedOn);

public sealed record GroupMemberLeft(Guid GroupId, string FullName, DateOnly LeftOn, string? Reason = null);

/// <summary>A visit the schedule plans, numbered from 1 in the order of their dates.</summary>
public sealed record PlannedVisit(int Number, DateOnly Date, string Place, string Topic);

/// <summary>The group's schedule of visits approved, and by whom.</summary>
public sealed record VisitScheduleApproved(Guid GroupId, DateOnly ApprovedOn, string ApprovedBy, IReadOnlyList<PlannedVisit> Visits);

/// <summary>Something a visit found, and what it led to, as a monitoring finding does.</summary>
public sealed record VisitFinding(string Description, FindingOutcome LedTo = FindingOutcome.None, string? ReferredTo = null);

/// <summary>
/// A visit held, numbered from 1 in the group: the planned visit it carries out, or none for an unplanned one; where, what
/// was checked, and what was found. No findings is itself the fact a report states.
/// </summary>
public sealed record GroupVisitHeld(Guid GroupId, int Number, DateOnly HeldOn, string Place, string Checked, int? PlannedVisit,
    IReadOnlyList<VisitFinding> Findings);

public sealed record MobileGroupDisbanded(Guid GroupId, DateOnly DisbandedOn, string Reason);

public static class MobileGroupEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(MobileGroupFormed)] = "mobile_group_formed",
        [typeof(GroupMemberJoined)] = "mobile_group_member_joined",
        [typeof(GroupMemberLeft)] = "mobile_group_member_left",
        [typeof(VisitScheduleApproved)] = "mobile_group_schedule_approved",
        [typeof(GroupVisitHeld)] = "mobile_group_visit_held",
        [typeof(MobileGroupDisbanded)] = "mobile_group_disbanded"
    };
}
