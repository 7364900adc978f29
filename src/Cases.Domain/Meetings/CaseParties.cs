namespace Cases.Domain.Meetings;

/// <summary>The employees a case concerns, by personnel number: a member who is one of them may not sit on it.</summary>
public sealed record CaseParties(IReadOnlyList<string> Subjects, string? ComplainantEmployee)
{
    public static readonly CaseParties None = new([], null);

    /// <summary>The automatic recusals of the members present, on every item whose case concerns them.</summary>
    public static IEnumerable<MemberRecused> Recusals(Meeting meeting, IEnumerable<SittingMember> present,
        IReadOnlyDictionary<int, CaseParties> parties)
    {
        foreach (var item in meeting.Agenda.Where(i => !meeting.IsResolved(i.Number)))
        {
            var concerned = parties.GetValueOrDefault(item.Number, None);
            // A member who already voted on the item keeps their vote: a conflict is raised before the vote, not after.
            foreach (var member in present.Where(m => m.Votes && !meeting.IsRecused(item.Number, m.PersonnelNumber)
                                                      && meeting.VoteOf(item.Number, m.PersonnelNumber) is null))
            {
                if (concerned.Subjects.Contains(member.PersonnelNumber))
                {
                    yield return new MemberRecused(meeting.Id, item.Number, member.PersonnelNumber, RecusalGround.SubjectOfCase,
                        $"{member.FullName} is a subject of case {item.CaseNumber}.");
                }
                else if (concerned.ComplainantEmployee == member.PersonnelNumber)
                {
                    yield return new MemberRecused(meeting.Id, item.Number, member.PersonnelNumber, RecusalGround.ComplainantOfCase,
                        $"{member.FullName} is the complainant of case {item.CaseNumber}.");
                }
            }
        }
    }
}
