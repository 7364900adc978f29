using Cases.Domain.Cases;
using Cases.Domain.Privacy;

namespace Cases.Domain.Public;

/// <summary>How to reach a reporter who is not anonymous.</summary>
public sealed record ReporterContact(string Name, string? Phone = null, string? Email = null);

/// <summary>
/// A report sent without an account: anonymous, or with the reporter's contact details; either way with an address
/// for notices of new messages if the reporter wants them.
/// </summary>
public sealed record ReportPublicly(Category Category, string Text, bool Anonymous = false, ReporterContact? Contact = null,
    string? NoticeAddress = null);

public static class ReportPubliclyDecision
{
    /// <summary>The identity to encrypt before deciding: the contact of a reporter who gave one.</summary>
    public static Complainant? IdentityToSeal(ReportPublicly command) =>
        command.Contact is { } c ? new Complainant(false, c.Name.Trim(), c.Phone?.Trim(), c.Email?.Trim()) : null;

    /// <summary>
    /// The case starts as any other, on the public channel, with no subject named yet, and the receipt with it; and the
    /// notice address, sealed under a key of its own, when one was given.
    /// </summary>
    public static object[] Decide(ReportPublicly command, Guid caseId, string number, DateTimeOffset now,
        SealedPersonalData? sealedContact, Receipt receipt, SealedPersonalData? sealedNoticeAddress = null, string language = "en") =>
    [
        new CaseRegistered(caseId, number, Channel.Public, command.Category, [],
            new Complainant(Anonymous: sealedContact is null), command.Text.Trim(), Rules.Today(now), sealedContact),
        new ReceiptIssued(caseId, receipt.LookupId, receipt.Salt, receipt.Hash, receipt.Iterations, sealedContact is null, now),
        .. sealedNoticeAddress is null ? [] : new object[] { new ReporterNoticeAddressGiven(caseId, sealedNoticeAddress, language, Rules.Today(now)) }
    ];
}
