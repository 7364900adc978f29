using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Marten;
using Marten.Services.BatchQuerying;

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

    /// <summary>
    /// Builds the context from what <see cref="MeetingFacts"/> read beside the meeting. An encrypted complainant is
    /// decrypted for the recusal check only (a read of its own, when a case has one); an erased one can no longer be recused.
    /// </summary>
    public static async Task<MeetingContext> LoadAsync(Meeting meeting, MeetingFacts.Found found, IQuerySession session, CancellationToken ct)
    {
        var commission = found.Commission
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} refers to commission {meeting.CommissionId}, which is missing.");
        var parties = new Dictionary<int, CaseParties>();
        foreach (var item in meeting.Agenda.Where(i => i.CaseId is not null))
        {
            if (found.Cases.FirstOrDefault(c => c.Id == item.CaseId) is not { } @case) continue;
            var complainantEmployee = @case.ComplainantPersonId is null ? @case.ComplainantEmployee
                : (await Privacy.Complainants.OfAsync(session, @case.Id, ct)).Value?.PersonnelNumber;
            parties[item.Number] = new CaseParties(@case.Subjects, complainantEmployee);
        }
        return new MeetingContext(commission, parties);
    }
}

/// <summary>
/// A meeting's commission and the cases on its agenda, found from the meeting's stored snapshot so that they are read
/// in the round trip that reads the meeting (Wolverine batches this plan with the meeting's fetch). A case whose
/// stream is archived is left out, as its events are.
/// </summary>
public sealed class MeetingFacts(Guid meetingId, string organisation, string meetings, string streams) : IBatchQueryPlan<MeetingFacts.Found>
{
    public sealed record Found(Commission? Commission, IReadOnlyList<Case> Cases);

    public static MeetingFacts For(Guid meetingId, IQuerySession session) =>
        new(meetingId, session.TenantId, session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Meeting)).TableName.QualifiedName,
            $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams");

    public async Task<Found> Fetch(IBatchedQuery batch)
    {
        var commissions = batch.Query<Commission>(
            $"where d.tenant_id = ? and d.id = (select (m.data ->> 'commissionId')::uuid from {meetings} as m where m.id = ? and m.tenant_id = ?)",
            organisation, meetingId, organisation);
        var cases = batch.Query<Case>(
            $"where d.tenant_id = ? and d.id in (select (i ->> 'caseId')::uuid from {meetings} as m cross join jsonb_array_elements(m.data -> 'agenda') as i " +
            $"where m.id = ? and m.tenant_id = ?) and not exists (select 1 from {streams} as s where s.id = d.id and s.tenant_id = d.tenant_id and s.is_archived)",
            organisation, meetingId, organisation);
        return new Found((await commissions).SingleOrDefault(), await cases);
    }
}
