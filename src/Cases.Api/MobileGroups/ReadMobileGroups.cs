using Cases.Domain.Monitoring;
using Cases.Projections.MobileGroups;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class GetMobileGroupEndpoint
{
    /// <summary>A group with its members, the bodies they come from, its schedule and its visits, and the version for the next command.</summary>
    [WolverineGet("/api/mobile-groups/{groupId}", OperationId = "GetMobileGroup")]
    [EndpointSummary("Read a mobile group")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static MobileGroupDetails Get([Entity("groupId", MissingMessage = MobileGroupChecks.Missing)] MobileGroupDetails group) => group;
}

/// <summary>Filters of the group list, all optional: the area covered, and a day the group was working on.</summary>
public sealed record MobileGroupQuery(string? Area = null, DateOnly? ActiveOn = null, int Page = 1, int PageSize = MobileGroupQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.MobileGroups)]
public static class ListMobileGroupsEndpoint
{
    public static ProblemDetails Validate(MobileGroupQuery query) => new FieldErrors()
        .Text("area", query.Area, required: false)
        .Pages(query.Page, query.PageSize, MobileGroupQuery.MaxPageSize)
        .ToProblem();

    /// <summary>Groups by area and name, a page at a time.</summary>
    [WolverineGet("/api/mobile-groups", OperationId = "ListMobileGroups")]
    [EndpointSummary("List mobile groups")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static Task<Paged<MobileGroupDetails>> List([FromQuery] MobileGroupQuery query, IQuerySession session, CancellationToken ct)
    {
        var groups = session.Query<MobileGroupDetails>().AsQueryable();
        if (query.Area?.Trim() is { Length: > 0 } area) groups = groups.Where(g => g.Area == area);
        // Working on the day: started by then, and not disbanded on or before it.
        if (query.ActiveOn is { } day) groups = groups.Where(g => g.StartsOn <= day && (g.DisbandedOn == null || g.DisbandedOn > day));
        return groups.OrderBy(g => g.Area).ThenBy(g => g.Name).ThenBy(g => g.Id).PageAsync(query.Page, query.PageSize, ct);
    }
}

/// <summary>One group's part in a period: what a regional report says of it.</summary>
public sealed record MobileGroupFigures(Guid Id, string Name, string Area, DateOnly FormedOn, DateOnly StartsOn, IReadOnlyList<string> Bodies,
    DateOnly? ScheduleApprovedOn, int VisitsPlanned, int VisitsHeld, int Findings);

/// <summary>A body's members across the groups of the period, and in how many groups it sits.</summary>
public sealed record BodyFigures(string Body, int Members, int Groups);

/// <summary>
/// The groups of a period (formed by its end and not disbanded before it began): how many were formed in it and how many
/// worked in it, their members by body, the visits planned and held in it and what they found.
/// </summary>
public sealed record MobileGroupsSummary(
    DateOnly From,
    DateOnly To,
    int GroupsFormed,
    int GroupsActive,
    IReadOnlyList<BodyFigures> MembersByBody,
    int VisitsPlanned,
    int VisitsHeld,
    int PlannedVisitsHeld,
    int UnplannedVisits,
    int Findings,
    int FindingsLedToCase,
    int FindingsReferred,
    IReadOnlyList<MobileGroupFigures> Groups);

/// <summary>The summary's period, both ends required.</summary>
public sealed record MobileGroupsSummaryQuery(DateOnly? From = null, DateOnly? To = null);

[Tags(ApiTags.MobileGroups)]
public static class GetMobileGroupsSummaryEndpoint
{
    public static ProblemDetails Validate(MobileGroupsSummaryQuery query) => new FieldErrors().Period(query.From, query.To).ToProblem();

    /// <summary>Groups formed and working, members by body, visits planned against held, and findings, over a period.</summary>
    [WolverineGet("/api/mobile-groups/summary", OperationId = "GetMobileGroupsSummary")]
    [EndpointSummary("Summarise mobile groups")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<MobileGroupsSummary> Get([FromQuery] MobileGroupsSummaryQuery query, IQuerySession session, CancellationToken ct)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        var groups = await session.Query<MobileGroupDetails>()
            .Where(g => g.FormedOn <= to && (g.DisbandedOn == null || g.DisbandedOn > from))
            .OrderBy(g => g.FormedOn).ThenBy(g => g.Area).ThenBy(g => g.Name).ThenBy(g => g.Id)
            .ToListAsync(ct);
        bool Within(DateOnly day) => from <= day && day <= to;

        var members = groups.SelectMany(g => g.Members.Where(m => m.JoinedOn <= to && (m.LeftOn is null || m.LeftOn > from)).Select(m => (g.Id, m.Body))).ToList();
        var byBody = members.Select(m => m.Body).Distinct(StringComparer.Ordinal)
            .Select(body => new BodyFigures(body, members.Count(m => m.Body == body), members.Where(m => m.Body == body).Select(m => m.Id).Distinct().Count()))
            .ToList();
        var held = groups.SelectMany(g => g.Visits.Where(v => Within(v.HeldOn))).ToList();
        var findings = held.SelectMany(v => v.Findings).ToList();
        return new MobileGroupsSummary(
            from,
            to,
            groups.Count(g => Within(g.FormedOn)),
            groups.Count(g => g.StartsOn <= to),
            byBody,
            groups.Sum(g => g.Schedule.Count(v => Within(v.Date))),
            held.Count,
            held.Count(v => v.PlannedVisit is not null),
            held.Count(v => v.PlannedVisit is null),
            findings.Count,
            findings.Count(f => f.LedTo == FindingOutcome.CaseOpened),
            findings.Count(f => f.LedTo == FindingOutcome.Referral),
            [
                .. groups.Select(g => new MobileGroupFigures(g.Id, g.Name, g.Area, g.FormedOn, g.StartsOn, g.Bodies, g.ScheduleApprovedOn,
                    g.Schedule.Count(v => Within(v.Date)), g.Visits.Count(v => Within(v.HeldOn)), g.Visits.Where(v => Within(v.HeldOn)).Sum(v => v.Findings.Count)))
            ]);
    }
}
