namespace Cases.Domain.Meetings;

/// <summary>
/// Puts the proposal on an item to the vote: the decision it would adopt, its executor and when it is due, either a
/// <see cref="DueDate"/> or a <see cref="Term"/> as commissions word it ("in the first half of 2019", "on an ongoing
/// basis"). A regional commission's instruction names its <see cref="Addressees"/>, bodies of its own organisation or
/// of those it oversees, each reporting its execution apart; <see cref="AllOverseen"/> addresses every organisation it
/// oversees as well ("all state bodies, akims of cities and districts"), expanded into addressees by the caller, which
/// knows the organisations, before the decision sees the command. <see cref="Executor"/> stays the body that answers
/// for the decision to the commission (for a joint instruction, the one named first).
/// </summary>
public sealed record ResolveItem(
    long ExpectedVersion,
    int ItemNumber,
    DecisionKind Kind,
    string Text,
    Executor Executor,
    DateOnly? DueDate = null,
    Term? Term = null,
    IReadOnlyList<Executor>? Addressees = null,
    bool AllOverseen = false)
{
    public const int MaxAddressees = 100;

    /// <summary>
    /// The due date: the one given, or the term's last day, or for an ongoing term the end of the reporting period the
    /// meeting falls in (its first report).
    /// </summary>
    public DateOnly DueOn(DateOnly heldOn) => Term is { } term ? term.LastDay ?? term.ReportingPeriodOf(heldOn).To : DueDate!.Value;
}

/// <summary>The organisations a commission may address: its own, and those its organisation oversees.</summary>
public sealed record Oversight(string Own, IReadOnlyList<string> Overseen)
{
    public bool Reaches(string organisation) => organisation == Own || Overseen.Contains(organisation);
}

/// <summary>The vote's outcome on the meeting, and the protocol decision it adopted, if it did.</summary>
public sealed record Resolution(ItemResolved Resolved, DecisionAdopted? Adopted);

public static class ResolveItemDecision
{
    public static string ProtocolNumber(Meeting meeting, int item) => $"{meeting.Reference}-{item}";

    /// <summary>
    /// Without <paramref name="oversight"/>, no addressee may name an organisation: only the caller knows which
    /// organisation the commission belongs to and which it oversees.
    /// </summary>
    public static RuleViolation? Check(ResolveItem command, Meeting state, Oversight? oversight = null) => Rules.First(
        () => MeetingRules.InSession(state),
        () => MeetingRules.OpenItem(state, command.ItemNumber),
        () => Rules.NotBefore(command.DueOn(state.HeldOn!.Value), state.HeldOn!.Value, "due", "meeting"),
        () => (command.Addressees ?? []).FirstOrDefault(a => a.Organisation is { } org && oversight?.Reaches(org.Trim()) != true) is { } foreign
            ? new RuleViolation("addressee-not-overseen",
                $"{foreign.Name} of {foreign.Organisation} is in an organisation this commission neither belongs to nor oversees.")
            : null,
        () => state.EligibleVoters(command.ItemNumber).Count is var eligible && eligible < state.QuorumRequired
            ? new RuleViolation("no-quorum",
                $"Only {eligible} members present may vote on item {command.ItemNumber}; the commission needs {state.QuorumRequired}.")
            : null,
        () => state.EligibleVoters(command.ItemNumber).FirstOrDefault(m => state.VoteOf(command.ItemNumber, m.PersonnelNumber) is null) is { } silent
            ? new RuleViolation("votes-missing", $"{silent.FullName} has not voted on item {command.ItemNumber}; record a vote or an abstention.")
            : null);

    public static Resolution Decide(ResolveItem command, Meeting state, Guid decisionId, Oversight? oversight = null)
    {
        Rules.Ensure(Check(command, state, oversight));
        var item = state.Item(command.ItemNumber)!;
        var eligible = state.EligibleVoters(item.Number);
        var votes = eligible.Select(m => state.VoteOf(item.Number, m.PersonnelNumber)!.Vote).ToArray();
        var chair = eligible.FirstOrDefault(m => m.Role == Commissions.MemberRole.Chair);
        var tally = Quorum.Count(state.Majority, eligible.Count, votes,
            chair is null ? null : state.VoteOf(item.Number, chair.PersonnelNumber)!.Vote, state.ChairHasCastingVote);
        if (!tally.Adopted)
        {
            return new Resolution(new ItemResolved(state.Id, item.Number, false, tally.For, tally.Against, tally.Abstained,
                tally.CastingVoteUsed, null, null), null);
        }
        var number = ProtocolNumber(state, item.Number);
        var addressees = command.Addressees is { Count: > 0 } named ? named.Select(Trimmed).ToArray() : null;
        return new Resolution(
            new ItemResolved(state.Id, item.Number, true, tally.For, tally.Against, tally.Abstained, tally.CastingVoteUsed, decisionId, number),
            new DecisionAdopted(decisionId, state.Id, state.CommissionId, number, item.Number, command.Kind, command.Text.Trim(),
                item.CaseId, item.CaseNumber, Trimmed(command.Executor), command.DueOn(state.HeldOn!.Value), state.HeldOn!.Value,
                addressees, command.Term));
    }

    private static Executor Trimmed(Executor executor) =>
        executor with { Name = executor.Name.Trim(), Organisation = executor.Organisation?.Trim() };
}
