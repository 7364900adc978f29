using Cases.Domain.Privacy;

namespace Cases.Domain.Cases;

public sealed record RegisterCase(
    Channel Channel,
    Category Category,
    IReadOnlyList<string> Subjects,
    string Summary,
    DateOnly ReceivedOn,
    Complainant? Complainant = null);

public static class RegisterCaseDecision
{
    /// <summary>The identity to encrypt before deciding: that of a complainant who is not anonymous.</summary>
    public static Complainant? IdentityToSeal(RegisterCase command) =>
        command.Complainant is { Anonymous: false } c ? c with { PersonnelNumber = c.PersonnelNumber?.Trim() } : null;

    /// <summary>
    /// Registration has no prior state to guard; the number is allocated by the caller's transaction. The event keeps
    /// only whether the complainant is anonymous; their identity goes in encrypted (<see cref="IdentityToSeal"/>).
    /// </summary>
    public static CaseRegistered Decide(RegisterCase command, Guid caseId, string number, SealedPersonalData? sealedComplainant = null) => new(
        caseId,
        number,
        command.Channel,
        command.Category,
        command.Subjects.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
        command.Complainant is { } c ? new Complainant(c.Anonymous) : null,
        command.Summary.Trim(),
        command.ReceivedOn,
        sealedComplainant);
}
