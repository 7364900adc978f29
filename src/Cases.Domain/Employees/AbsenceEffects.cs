namespace Cases.Domain.Employees;

/// <summary>
/// What a period of one kind does to the disciplinary clocks of the Labour Code of the Republic of Kazakhstan No. 414-V:
/// <see cref="Bars"/> names the point of art. 65(4) under which no sanction is imposed during it, <see cref="Suspends"/>
/// the point of art. 66(3) under which the periods for imposing one stand still; null when it does neither.
/// </summary>
public sealed record AbsenceEffect(string? Bars, string? Suspends);

public static class AbsenceEffects
{
    public static readonly IReadOnlyDictionary<AbsenceKind, AbsenceEffect> Of = new Dictionary<AbsenceKind, AbsenceEffect>
    {
        [AbsenceKind.SickLeave] = new("65(4)(1)", "66(3)(1)"),
        [AbsenceKind.StateOrPublicDuties] = new("65(4)(2)", "66(3)(2)"),
        [AbsenceKind.Vacation] = new("65(4)(3)", "66(3)(3)"),
        [AbsenceKind.RotationRest] = new("65(4)(3)", "66(3)(3)"),
        [AbsenceKind.BusinessTrip] = new("65(4)(4)", "66(3)(3)"),
        [AbsenceKind.WorkAccidentInvestigation] = new("65(4)(5)", "66(3)(7)"),
        [AbsenceKind.CriminalOrAdministrativeProceedings] = new(null, "66(3)(4)"),
        [AbsenceKind.Training] = new(null, "66(3)(5)"),
        [AbsenceKind.CourtAppeal] = new(null, "66(3)(6)"),
        // Stored before the contract was strict, it joined kinds of the first three, each of which bars and suspends.
        [AbsenceKind.Unknown] = new("65(4)", "66(3)")
    };

    public static AbsenceEffect For(AbsenceKind kind) => Of.GetValueOrDefault(kind, Of[AbsenceKind.Unknown]);

    public static bool Bars(this Absence absence) => For(absence.Kind).Bars is not null;

    public static bool Suspends(this Absence absence) => For(absence.Kind).Suspends is not null;
}
