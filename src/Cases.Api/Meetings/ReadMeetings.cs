using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Marten;
using Wolverine.Persistence;

namespace Cases.Api.Meetings;

/// <summary>Filters of the meeting list, all optional: a commission, a status, and scheduled dates (both ends included).</summary>
public sealed record MeetingQuery(Guid? CommissionId = null, string? Status = null, DateOnly? From = null, DateOnly? To = null);

public static class GetMeetingEndpoint
{
    [WolverineGet("/api/meetings/{meetingId}", OperationId = "GetMeeting")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static MeetingDetails Get([Entity("meetingId", MissingMessage = MeetingChecks.Missing)] MeetingDetails meeting) => meeting;

}

public static class ListMeetingsEndpoint
{
    public const int MaxMeetings = 500;

    public static ProblemDetails Validate(MeetingQuery query) => new FieldErrors()
        .OneOf<MeetingStatus>("status", query.Status)
        .When(query.From > query.To, "from", "Must not be after to.")
        .ToProblem();

    /// <summary>The meetings in a period, latest first; at most <see cref="MaxMeetings"/>, so narrow the period for more.</summary>
    [WolverineGet("/api/meetings", OperationId = "ListMeetings")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Task<IReadOnlyList<MeetingDetails>> List([FromQuery] MeetingQuery query, IQuerySession session, CancellationToken ct)
    {
        var meetings = session.Query<MeetingDetails>().AsQueryable();
        if (query.CommissionId is { } commission) meetings = meetings.Where(m => m.CommissionId == commission);
        if (KebabEnum.Parse<MeetingStatus>(query.Status) is { } status) meetings = meetings.Where(m => m.Status == status);
        if (query.From is { } from) meetings = meetings.Where(m => m.ScheduledOn >= from);
        if (query.To is { } to) meetings = meetings.Where(m => m.ScheduledOn <= to);
        return meetings.OrderByDescending(m => m.ScheduledFor).Take(MaxMeetings).ToListAsync(ct);
    }
}
