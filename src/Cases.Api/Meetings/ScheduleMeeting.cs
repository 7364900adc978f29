using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Marten;

namespace Cases.Api.Meetings;

public sealed record MeetingScheduledResponse(Guid Id, string Reference, long Version) : CreationResponse($"/api/meetings/{Id}");

/// <summary>The commission the meeting is for and the agenda's cases, as the organisation has them.</summary>
public sealed record SchedulingContext(Commission? Commission, IReadOnlyDictionary<Guid, ReferredCase> Cases);

public static class ScheduleMeetingEndpoint
{
    public const int MaxAgendaItems = 100;

    public static async Task<SchedulingContext> LoadAsync(ScheduleMeeting command, IQuerySession session, CancellationToken ct)
    {
        var cases = new Dictionary<Guid, ReferredCase>();
        foreach (var id in command.Agenda.Take(MaxAgendaItems).Select(i => i.CaseId).OfType<Guid>().Distinct())
        {
            if (await session.Events.AggregateStreamAsync<Case>(id, token: ct) is { } found) cases[id] = new ReferredCase(id, found.Number, found.IsReferred);
        }
        return new SchedulingContext(await session.LoadAsync<Commission>(command.CommissionId, ct), cases);
    }

    public static ProblemDetails Validate(ScheduleMeeting command, SchedulingContext context)
    {
        var fields = new FieldErrors()
            .Text("place", command.Place)
            .When(command.ScheduledFor.Year < 2000, "scheduledFor", "Must be in 2000 or later.")
            .When(command.Agenda.Count is 0 or > MaxAgendaItems, "agenda", $"Between 1 and {MaxAgendaItems} items.");
        for (var i = 0; i < command.Agenda.Count && i < MaxAgendaItems; i++)
        {
            var item = command.Agenda[i];
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
    [Authorize(Roles = Roles.Secretary)]
    public static async Task<(MeetingScheduledResponse, IStartStream)> Post(ScheduleMeeting command, SchedulingContext context,
        IDocumentSession session, CancellationToken ct)
    {
        var meetingId = Guid.CreateVersion7();
        var number = await Numbering.NextAsync(session, Numbering.MeetingSeries(command.CommissionId), command.ScheduledFor.Year, ct);
        var scheduled = ScheduleMeetingDecision.Decide(command, meetingId, number, context.Commission!, context.Cases);
        return (new MeetingScheduledResponse(meetingId, $"{number}/{scheduled.Year}", 1), MartenOps.StartStream<Meeting>(meetingId, scheduled));
    }
}
