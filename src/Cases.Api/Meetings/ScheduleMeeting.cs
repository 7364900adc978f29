using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Marten;

namespace Cases.Api.Meetings;

public sealed record MeetingScheduledResponse(Guid Id, long Version) : CreationResponse($"/api/meetings/{Id}");

/// <summary>The commission the meeting is for and the agenda's cases, as the organisation has them.</summary>
public sealed record SchedulingContext(Commission? Commission, IReadOnlyDictionary<Guid, ReferredCase> Cases);

[Tags(ApiTags.Meetings)]
public static class ScheduleMeetingEndpoint
{
    public const int MaxAgendaItems = 100;

    public static async Task<SchedulingContext> LoadAsync(ScheduleMeeting command, IQuerySession session, CancellationToken ct)
    {
        var cases = new Dictionary<Guid, ReferredCase>();
        foreach (var id in command.Agenda.Take(MaxAgendaItems).Select(i => i?.CaseId).OfType<Guid>().Distinct())
        {
            if (await session.Events.AggregateStreamAsync<Case>(id, token: ct) is { } found) cases[id] = new ReferredCase(id, found.Number, found.IsReferred);
        }
        return new SchedulingContext(await session.LoadAsync<Commission>(command.CommissionId, ct), cases);
    }

    public static ProblemDetails Validate(ScheduleMeeting command, SchedulingContext context, RequestTime time)
    {
        command = command with { ScheduledFor = time.InZone(command.ScheduledFor) };
        var fields = new FieldErrors()
            .Text("place", command.Place)
            .When(command.ScheduledFor.Year < 2000, "scheduledFor", "Must be in 2000 or later.")
            .When(command.Agenda.Count is 0 or > MaxAgendaItems, "agenda", $"Between 1 and {MaxAgendaItems} items.");
        for (var i = 0; i < command.Agenda.Count && i < MaxAgendaItems; i++)
        {
            // JSON can put null in a list whatever the element type says.
            if (command.Agenda[i] is not { } item)
            {
                fields.Add($"agenda[{i}]", "Must not be null.");
                continue;
            }
            fields.Text($"agenda[{i}].question", item.Question, FieldErrors.LongText, required: item.CaseId is null)
                .When(item.CaseId == Guid.Empty, $"agenda[{i}].caseId", "Must not be empty.");
        }
        if (fields.Any) return fields.ToProblem();
        if (context.Commission is null)
        {
            return new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Commission {command.CommissionId} was not found." };
        }
        return Problems.RuleOrContinue(ScheduleMeetingDecision.Check(command, context.Commission, context.Cases));
    }

    [WolverinePost("/api/meetings", OperationId = "ScheduleMeeting")]
    [EndpointSummary("Schedule a meeting")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Secretary)]
    public static (MeetingScheduledResponse, IStartStream) Post(ScheduleMeeting command, SchedulingContext context, RequestTime time)
    {
        var meetingId = Guid.CreateVersion7();
        var scheduled = ScheduleMeetingDecision.Decide(command with { ScheduledFor = time.InZone(command.ScheduledFor) }, meetingId,
            context.Commission!, context.Cases);
        return (new MeetingScheduledResponse(meetingId, 1), MartenOps.StartStream<Meeting>(meetingId, scheduled));
    }
}
