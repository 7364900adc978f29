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
    /// <summary>Registration has no prior state to guard; the number is allocated by the caller's transaction.</summary>
    public static CaseRegistered Decide(RegisterCase command, Guid caseId, string number) => new(
        caseId,
        number,
        command.Channel,
        command.Category,
        command.Subjects.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
        command.Complainant is { Anonymous: true } ? new Complainant(true)
            : command.Complainant is { } c ? c with { PersonnelNumber = c.PersonnelNumber?.Trim() }
            : null,
        command.Summary.Trim(),
        command.ReceivedOn);
}
