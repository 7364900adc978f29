using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Marten;

namespace Cases.Api.Meetings;

public static class MeetingChecks
{
    /// <summary>The same answer for a meeting never scheduled and one of another organisation.</summary>
    public const string Missing = "Meeting {Id} was not found.";

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Meeting> stream,
        Func<Meeting, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, m => $"Meeting {m.Reference}", rule);
}

/// <summary>
/// What some meeting commands need beyond the meeting itself: the commission's composition, and the employees each
/// agenda item's case concerns, as they stand now.
/// </summary>
public sealed record MeetingContext(Commission Commission, IReadOnlyDictionary<int, CaseParties> Parties)
{
    /// <summary>Voting and non-voting members in office on the meeting's day: the snapshot once it opened.</summary>
    public IReadOnlyList<SittingMember> InOffice(Meeting meeting) =>
        meeting.IsOpen ? meeting.InOffice : OpenMeetingDecision.InOffice(Commission, meeting.ScheduledOn);

    public static async Task<MeetingContext> LoadAsync(Meeting meeting, IQuerySession session, CancellationToken ct)
    {
        var commission = await session.LoadAsync<Commission>(meeting.CommissionId, ct)
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} refers to commission {meeting.CommissionId}, which is missing.");
        var parties = new Dictionary<int, CaseParties>();
        foreach (var item in meeting.Agenda.Where(i => i.CaseId is not null))
        {
            var @case = await session.Events.AggregateStreamAsync<Case>(item.CaseId!.Value, token: ct);
            if (@case is null) continue;
            // An encrypted complainant is decrypted for the recusal check only; an erased one can no longer be recused.
            var complainantEmployee = @case.ComplainantPersonId is null ? @case.ComplainantEmployee
                : (await Privacy.Complainants.OfAsync(session, @case.Id, ct)).Value?.PersonnelNumber;
            parties[item.Number] = new CaseParties(@case.Subjects, complainantEmployee);
        }
        return new MeetingContext(commission, parties);
    }
}
