using Cases.Domain.Cases;
using Cases.Domain.Privacy;

namespace Cases.Domain.Public;

/// <summary>The reporter leaves an address for "your report has a new message" notices, and nothing else.</summary>
public sealed record GiveNoticeAddress(string Address);

/// <summary>
/// A reporter's notice address: sealed under a key of its own, fresh for each address given, which is destroyed when
/// the address is removed or replaced and when the reporter is erased; a notice says only that a message waits behind
/// the receipt code.
/// </summary>
public static class ReporterNoticeDecisions
{
    public static RuleViolation? CheckGive(Case state) => Rules.First(
        () => state.ComplainantErased ? Erased(state) : null,
        () => state.IsClosed ? new RuleViolation("case-closed", $"Case {state.Number} is closed: no message will come to be told of.") : null);

    /// <summary>The reporter's key is destroyed: nothing of theirs is sealed under it again.</summary>
    public static RuleViolation Erased(Case state) => new("personal-data-erased",
        $"The reporter's personal data on case {state.Number} was erased with their key: the case takes no address of theirs again.");

    public static RuleViolation? CheckRemove(Case state) =>
        state.HoldsNoticeAddress ? null : new RuleViolation("no-notice-address", $"Case {state.Number} holds no notice address to remove.");

    /// <summary>
    /// The key of the latest notice address, to destroy as it is removed or replaced (or a removed one's, which an
    /// address given before each had its own key left alive); none when that key is the contact's, which only an
    /// erasure destroys.
    /// </summary>
    public static Guid? KeyToShred(Case state) =>
        state.NoticePersonId is { } key && key != state.ComplainantPersonId ? key : null;

    public static ReporterNoticeAddressGiven Decide(Case state, SealedPersonalData address, string language, DateTimeOffset now)
    {
        Rules.Ensure(CheckGive(state));
        return new ReporterNoticeAddressGiven(state.Id, address, language, Rules.Today(now));
    }

    /// <summary>The reporter takes their notice address back: from now on nothing is mailed.</summary>
    public static ReporterNoticeAddressRemoved DecideRemoval(Case state, DateTimeOffset now)
    {
        Rules.Ensure(CheckRemove(state));
        return new ReporterNoticeAddressRemoved(state.Id, Rules.Today(now));
    }

    /// <summary>The notice of a reply, when the reporter holds an address; none once removed or erased.</summary>
    public static ReporterNoticeSent? Notice(Case state, InvestigatorReplied replied, DateTimeOffset now) =>
        state.HoldsNoticeAddress ? new ReporterNoticeSent(state.Id, replied.MessageId, Rules.Today(now)) : null;
}
