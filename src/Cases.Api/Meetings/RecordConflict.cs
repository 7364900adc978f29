using System.Security.Claims;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Meetings)]
public static class RecordConflictEndpoint
{
    public static ProblemDetails Validate(RecordConflict command, IEventStream<Meeting> stream, ClaimsPrincipal user)
    {
        var fields = new FieldErrors()
            .PersonnelNumber("personnelNumber", command.PersonnelNumber)
            .Text("reason", command.Reason, FieldErrors.LongText)
            .When(command.Ground is not (RecusalGround.Declared or RecusalGround.Found), "ground",
                "Either declared (by the member) or found (by the commission); recusals of a case's parties are automatic.");
        var answer = MeetingChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordConflictDecision.Check(command, state));
        // Only a conflict that could be recorded raises the question of who may record it.
        return ReferenceEquals(answer, WolverineContinue.NoProblems) && !user.IsInRole(Roles.Secretary)
            ? MemberMayNotDeclare(command, stream.Aggregate!, user.Identity?.Name) ?? answer
            : answer;
    }

    /// <summary>A member speaks for themselves only: they declare their own conflict; finding one is the commission's.</summary>
    private static ProblemDetails? MemberMayNotDeclare(RecordConflict command, Meeting meeting, string? userName) =>
        command.Ground == RecusalGround.Declared
        && meeting.Sitting(command.PersonnelNumber.Trim()) is { UserName: { } own } && own == userName
            ? null
            : new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = "A member may only declare their own conflict of interest; the secretary records the others."
            };

    [WolverinePost("/api/meetings/{meetingId}/conflicts", OperationId = "RecordConflict")]
    [EndpointSummary("Record a conflict of interest")]
    [Authorize(Roles = $"{Roles.Secretary},{Roles.Member}")]
    public static Written Post(RecordConflict command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary) =>
        Written.Append(stream, RecordConflictDecision.Decide(command, stream.Aggregate!));
}
