using Cases.Api.Sanctions;
using Cases.Domain.Employees;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

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

    /// <summary>Removes an absence recorded in error; the periods of the employee's active sanctions shrink back.</summary>
    [WolverinePost("/api/employees/{personnelNumber}/absence-cancellations", OperationId = "CancelAbsence")]
    [EndpointSummary("Cancel an absence")]
    [Authorize(Roles = Roles.Hr)]
    public static async Task<(Written, OutgoingMessages)> Post(CancelAbsence command, IEventStream<Employee> stream,
        IDocumentSession session, IOptions<SanctionRuleSettings> rules, RequestTime time, CancellationToken ct)
    {
        var cancelled = CancelAbsenceDecision.Decide(command, stream.Aggregate!);
        var written = Written.Append(stream, cancelled);
        return (written, await SanctionExpiries.RecomputeAsync(cancelled.PersonnelNumber, stream.Aggregate!.Apply(cancelled).Absences,
            session, OrganisationRules.Sanctions(session, rules), time, ct));
    }
}
