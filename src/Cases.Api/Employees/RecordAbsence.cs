using Cases.Api.Sanctions;
using Cases.Domain.Employees;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

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
    /// Records an absence. An absence inside the period of an active sanction pauses it: the sanction's expiry moves
    /// and its scheduled expiry with it.
    /// </summary>
    [WolverinePost("/api/employees/{personnelNumber}/absences", OperationId = "RecordAbsence")]
    [EndpointSummary("Record an absence")]
    [Authorize(Roles = Roles.Hr)]
    public static async Task<(Written, OutgoingMessages)> Post(string personnelNumber, RecordAbsence command, IEventStream<Employee> stream,
        IDocumentSession session, IOptions<SanctionRuleSettings> rules, RequestTime time, CancellationToken ct)
    {
        var recorded = RecordAbsenceDecision.Decide(command, personnelNumber.Trim(), stream.Aggregate, Guid.CreateVersion7());
        var written = Written.Append(stream, recorded);
        return (written, await SanctionExpiries.RecomputeAsync(recorded.PersonnelNumber, Employee.Recording(stream.Aggregate, recorded).Absences,
            session, OrganisationRules.Sanctions(session, rules), time, ct));
    }
}
