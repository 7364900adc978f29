using Cases.Domain.Commissions;

namespace Cases.Domain.Meetings;

/// <summary>An agenda item as proposed: a case referred to the commission, any other question, or both.</summary>
public sealed record ProposedItem(string? Question = null, Guid? CaseId = null);

public sealed record ScheduleMeeting(Guid CommissionId, DateTimeOffset ScheduledFor, string Place, IReadOnlyList<ProposedItem> Agenda);

/// <summary>What the agenda's cases look like when the meeting is scheduled; null for a case the organisation does not have.</summary>
public sealed record ReferredCase(Guid Id, string Number, bool IsReferred);

public static class ScheduleMeetingDecision
{
    public static RuleViolation? Check(ScheduleMeeting command, Commission commission, IReadOnlyDictionary<Guid, ReferredCase> cases) => Rules.First(
        () => Rules.NotBefore(Rules.Today(command.ScheduledFor), commission.EstablishedOn, "meeting", "establishment"),
        () => command.Agenda.Select(i => i.CaseId).OfType<Guid>().FirstOrDefault(id => !cases.ContainsKey(id)) is var unknown && unknown != Guid.Empty
            ? new RuleViolation("no-such-case", $"Case {unknown} was not found.")
            : null,
        () => cases.Values.FirstOrDefault(c => !c.IsReferred) is { } notReferred
            ? new RuleViolation("case-not-referred", $"Case {notReferred.Number} has not been referred to a commission.")
            : null);

    public static MeetingScheduled Decide(ScheduleMeeting command, Guid meetingId, Commission commission,
        IReadOnlyDictionary<Guid, ReferredCase> cases)
    {
        Rules.Ensure(Check(command, commission, cases));
        var agenda = command.Agenda.Select((item, i) =>
        {
            var @case = item.CaseId is { } id ? cases[id] : null;
            var question = string.IsNullOrWhiteSpace(item.Question) ? $"Case {@case!.Number}" : item.Question.Trim();
            return new AgendaItem(i + 1, question, @case?.Id, @case?.Number);
        }).ToArray();
        return new MeetingScheduled(meetingId, commission.Id, command.ScheduledFor, command.Place.Trim(), agenda);
    }
}
