using JasperFx.Events;

namespace Cases.Domain.Employees;

public enum AbsenceKind
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    SickLeave,
    Vacation,
    BusinessTrip,

    /// <summary>Released from work to perform state or public duties.</summary>
    StateOrPublicDuties,

    /// <summary>Rest between shifts of rotation work.</summary>
    RotationRest,

    /// <summary>The investigation of a work accident, for an employee who broke safety rules.</summary>
    WorkAccidentInvestigation,

    /// <summary>Criminal or administrative proceedings bearing on the offence, until their act takes effect.</summary>
    CriminalOrAdministrativeProceedings,

    /// <summary>Training, retraining, advanced courses or an internship.</summary>
    Training,

    /// <summary>The employee's appeal to a court against the employer's acts about the offence.</summary>
    CourtAppeal
}

/// <summary>An absence, both ends included. HR records it, possibly after the fact.</summary>
public sealed record AbsenceRecorded(string PersonnelNumber, Guid AbsenceId, AbsenceKind Kind, DateOnly From, DateOnly To);

/// <summary>An absence recorded in error.</summary>
public sealed record AbsenceCancelled(string PersonnelNumber, Guid AbsenceId, string Reason);

public sealed record Absence(Guid Id, AbsenceKind Kind, DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly day) => From <= day && day <= To;
}

/// <summary>An employee's record as the labour-law clocks need it: their absences. One stream per personnel number.</summary>
public sealed partial record Employee
{
    public Guid Id { get; init; }
    public string PersonnelNumber { get; init; } = "";
    public IReadOnlyList<Absence> Absences { get; init; } = [];

    public static Employee Create(IEvent<AbsenceRecorded> e) => Recording(new Employee { Id = e.StreamId }, e.Data);

    /// <summary>The record once the absence is added to it, the employee's first fact included.</summary>
    public static Employee Recording(Employee? state, AbsenceRecorded e) =>
        (state ?? new Employee()).Apply(e) with { PersonnelNumber = e.PersonnelNumber };

    public Employee Apply(AbsenceRecorded e) => this with { Absences = [.. Absences, new Absence(e.AbsenceId, e.Kind, e.From, e.To)] };

    public Employee Apply(AbsenceCancelled e) => this with { Absences = Absences.Where(a => a.Id != e.AbsenceId).ToArray() };

    public static IReadOnlyList<Absence> AbsencesOf(Employee? employee) => employee?.Absences ?? [];
}

public static class EmployeeEventNames
{
    public static readonly IReadOnlyDictionary<Type, string> Stored = new Dictionary<Type, string>
    {
        [typeof(AbsenceRecorded)] = "absence_recorded",
        [typeof(AbsenceCancelled)] = "absence_cancelled"
    };
}
