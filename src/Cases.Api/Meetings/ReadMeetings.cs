using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Meetings;

/// <summary>Filters of the meeting list, all optional: a commission, a status, and scheduled dates (both ends included).</summary>
public sealed record MeetingQuery(Guid? CommissionId = null, string? Status = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = MeetingQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

[Tags(ApiTags.Meetings)]
public static class GetMeetingEndpoint
{
    [WolverineGet("/api/meetings/{meetingId}", OperationId = "GetMeeting")]
    [EndpointSummary("Read a meeting's minutes")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static MeetingDetails Get([Entity("meetingId", MissingMessage = MeetingChecks.Missing)] MeetingDetails meeting) => meeting;

}

[Tags(ApiTags.Meetings)]
public static class ListMeetingsEndpoint
{
    public static ProblemDetails Validate(MeetingQuery query) => new FieldErrors()
        .OneOf<MeetingStatus>("status", query.Status)
        .When(query.From > query.To, "from", "Must not be after to.")
        .Pages(query.Page, query.PageSize, MeetingQuery.MaxPageSize)
        .ToProblem();

    /// <summary>The meetings in a period, latest first, a page at a time.</summary>
    [WolverineGet("/api/meetings", OperationId = "ListMeetings")]
    [EndpointSummary("List meetings")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Task<Paged<MeetingDetails>> List([FromQuery] MeetingQuery query, IQuerySession session, CancellationToken ct)
    {
        var meetings = session.Query<MeetingDetails>().AsQueryable();
        if (query.CommissionId is { } commission) meetings = meetings.Where(m => m.CommissionId == commission);
        if (KebabEnum.Parse<MeetingStatus>(query.Status) is { } status) meetings = meetings.Where(m => m.Status == status);
        if (query.From is { } from) meetings = meetings.Where(m => m.ScheduledOn >= from);
        if (query.To is { } to) meetings = meetings.Where(m => m.ScheduledOn <= to);
        return meetings.OrderByDescending(m => m.ScheduledFor).ThenBy(m => m.Id).PageAsync(query.Page, query.PageSize, ct);
    }
}
