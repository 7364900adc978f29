using Cases.Domain.MobileGroups;

namespace Cases.Projections.MobileGroups;

/// <summary>
/// A mobile group as the compliance service keeps it and a regional report tells it: area, dates, the bodies its
/// members come from, its schedule and the visits held.
/// </summary>
public sealed class MobileGroupDetails : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The group stream's version; commands on it send it back as their expected version.</summary>
    public long Version { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The city or district the group covers.</summary>
    public string Area { get; set; } = "";

    public DateOnly FormedOn { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>Everyone who has been a member, in the order they joined; those who left keep their <c>leftOn</c>.</summary>
    public List<MobileGroupMember> Members { get; set; } = [];

    /// <summary>The bodies the current members come from, each once, in the order they first appear.</summary>
    public List<string> Bodies { get; set; } = [];

    public DateOnly? ScheduleApprovedOn { get; set; }
    public string? ScheduleApprovedBy { get; set; }
    public List<ScheduledVisit> Schedule { get; set; } = [];
    public List<HeldVisit> Visits { get; set; } = [];
    public int VisitsPlanned { get; set; }
    public int VisitsHeld { get; set; }
    public DateOnly? DisbandedOn { get; set; }
    public string? DisbandmentReason { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed class MobileGroupMember
{
    public string FullName { get; set; } = "";
    public string Body { get; set; } = "";
    public MobileGroupRole Role { get; set; }
    public string? OrganisationCode { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

/// <summary>A visit of the approved schedule, and the day it was held once it was.</summary>
public sealed class ScheduledVisit
{
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateOnly? HeldOn { get; set; }
}

public sealed class HeldVisit
{
    public int Number { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Checked { get; set; } = "";

    /// <summary>The number of the scheduled visit it carried out; null for an unplanned visit.</summary>
    public int? PlannedVisit { get; set; }

    public List<VisitFinding> Findings { get; set; } = [];
}

public sealed partial class MobileGroupDetailsProjection : ChangeTrackedProjection<MobileGroupDetails>
{
    public MobileGroupDetails Create(MobileGroupFormed e)
    {
        var view = new MobileGroupDetails
        {
            Id = e.GroupId,
            Name = e.Name,
            Area = e.Area,
            FormedOn = e.FormedOn,
            StartsOn = e.StartsOn,
            Members = [.. e.Members.Select(m => Member(m, e.FormedOn))]
        };
        view.Bodies = Bodies(view);
        return view;
    }

    public void Apply(GroupMemberJoined e, MobileGroupDetails view)
    {
        view.Members.Add(Member(e.Member, e.JoinedOn));
        view.Bodies = Bodies(view);
    }

    public void Apply(GroupMemberLeft e, MobileGroupDetails view)
    {
        if (view.Members.Find(m => m.LeftOn is null && string.Equals(m.FullName, e.FullName, StringComparison.OrdinalIgnoreCase)) is { } member)
            member.LeftOn = e.LeftOn;
        view.Bodies = Bodies(view);
    }

    public void Apply(VisitScheduleApproved e, MobileGroupDetails view)
    {
        view.ScheduleApprovedOn = e.ApprovedOn;
        view.ScheduleApprovedBy = e.ApprovedBy;
        view.Schedule = [.. e.Visits.Select(v => new ScheduledVisit { Number = v.Number, Date = v.Date, Place = v.Place, Topic = v.Topic })];
        view.VisitsPlanned = e.Visits.Count;
    }

    public void Apply(GroupVisitHeld e, MobileGroupDetails view)
    {
        view.Visits.Add(new HeldVisit
        {
            Number = e.Number, HeldOn = e.HeldOn, Place = e.Place, Checked = e.Checked, PlannedVisit = e.PlannedVisit, Findings = [.. e.Findings]
        });
        view.VisitsHeld = view.Visits.Count;
        if (view.Schedule.Find(v => v.Number == e.PlannedVisit) is { } planned) planned.HeldOn = e.HeldOn;
    }

    public void Apply(MobileGroupDisbanded e, MobileGroupDetails view)
    {
        view.DisbandedOn = e.DisbandedOn;
        view.DisbandmentReason = e.Reason;
    }

    private static MobileGroupMember Member(GroupMember m, DateOnly joinedOn) =>
        new() { FullName = m.FullName, Body = m.Body, Role = m.Role, OrganisationCode = m.OrganisationCode, JoinedOn = joinedOn };

    private static List<string> Bodies(MobileGroupDetails view) =>
        [.. view.Members.Where(m => m.LeftOn is null).Select(m => m.Body).Distinct(StringComparer.Ordinal)];
}
