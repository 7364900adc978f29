using Cases.Domain.Employees;
using Marten;

namespace Cases.Api.Employees;

[Tags(ApiTags.Employees)]
public static class RecordAbsenceEndpoint
{
    public static Task<IEventStream<Employee>> LoadAsync(string personnelNumber, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.FetchForWritingAsync(personnelNumber, session, ct);

    public static ProblemDetails Validate(string personnelNumber, RecordAbsence command, IEventStream<Employee> stream, RequestTime time) =>
        EmployeeRecords.Answer(new FieldErrors()
                .PersonnelNumber("personnelNumber", personnelNumber)
                .When(command.From.Year < 2000, "from", "Must be in 2000 or later.")
                .When(command.From > time.Today.AddYears(1), "from", "Must be within a year from today.")
                .When(command.To < command.From, "to", "Must not be before from.")
                .When(command.To.DayNumber - command.From.DayNumber > 366 * 3, "to", "An absence of at most three years."),
            command.ExpectedVersion, stream, state => RecordAbsenceDecision.Check(command, state));

    /// <summary>
    /// Records an absence, possibly after the fact. It bars imposing a sanction during it and suspends the periods for
    /// imposing one as its kind says (art. 65(4), 66(3)); it never moves the end of a sanction's period (art. 66(4)).
    /// </summary>
    [WolverinePost("/api/employees/{personnelNumber}/absences", OperationId = "RecordAbsence")]
    [EndpointSummary("Record an absence")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(string personnelNumber, RecordAbsence command, IEventStream<Employee> stream) =>
        Written.Append(stream, RecordAbsenceDecision.Decide(command, personnelNumber.Trim(), stream.Aggregate, Guid.CreateVersion7()));
}
