using Cases.Domain.Employees;
using Marten;

namespace Cases.Api.Employees;

[Tags(ApiTags.Employees)]
public static class CancelAbsenceEndpoint
{
    public static Task<IEventStream<Employee>> LoadAsync(string personnelNumber, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.FetchForWritingAsync(personnelNumber, session, ct);

    public static ProblemDetails Validate(string personnelNumber, CancelAbsence command, IEventStream<Employee> stream)
    {
        if (stream.Aggregate is null)
        {
            return new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Employee {personnelNumber} has no record." };
        }
        return EmployeeRecords.Answer(new FieldErrors().Text("reason", command.Reason, FieldErrors.LongText),
            command.ExpectedVersion, stream, state => CancelAbsenceDecision.Check(command, state!));
    }

    /// <summary>Removes an absence recorded in error.</summary>
    [WolverinePost("/api/employees/{personnelNumber}/absence-cancellations", OperationId = "CancelAbsence")]
    [EndpointSummary("Cancel an absence")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(CancelAbsence command, IEventStream<Employee> stream) =>
        Written.Append(stream, CancelAbsenceDecision.Decide(command, stream.Aggregate!));
}
