using Cases.Projections.Employees;
using Marten;

namespace Cases.Api.Employees;

[Tags(ApiTags.Employees)]
public static class GetEmployeeEndpoint
{
    public static ProblemDetails Validate(string personnelNumber) =>
        new FieldErrors().PersonnelNumber("personnelNumber", personnelNumber).ToProblem();

    /// <summary>The employee's whole record; an employee with nothing on record is 404.</summary>
    [WolverineGet("/api/employees/{personnelNumber}", OperationId = "GetEmployee")]
    [EndpointSummary("Read an employee's record")]
    [ProducesResponseType<EmployeeHistory>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static async Task<IResult> Get(string personnelNumber, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<EmployeeHistory>(personnelNumber.Trim(), ct) is { } history
            ? Results.Ok(history)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Employee {personnelNumber} has nothing on record.");
}
