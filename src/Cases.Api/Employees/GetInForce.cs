using Cases.Domain.Employees;
using Cases.Projections.Employees;
using Cases.Projections.Sanctions;
using Marten;

namespace Cases.Api.Employees;

/// <summary>The day to answer for, and optionally the moment whose records to answer from.</summary>
public sealed record InForceQuery(DateOnly? On = null, DateTimeOffset? AsOf = null);

/// <summary>
/// What was in force for an employee on a day: their sanctions then (art. 52(1)(16) asks it of the day of a new
/// misconduct) and their absences covering it, from everything recorded or from what was recorded by <see cref="AsOf"/>.
/// </summary>
public sealed record EmployeeInForce(string PersonnelNumber, DateOnly On, DateTimeOffset? AsOf, bool HasSanctionInForce,
    IReadOnlyList<SanctionInForce> Sanctions, IReadOnlyList<Absence> Absences);

[Tags(ApiTags.Employees)]
public static class GetInForceEndpoint
{
    public static ProblemDetails Validate(string personnelNumber, InForceQuery query) => new FieldErrors()
        .PersonnelNumber("personnelNumber", personnelNumber)
        .When(query.On is null, "on", "Give the day to answer for (YYYY-MM-DD).")
        .When(query.On?.Year < 2000, "on", "Must be in 2000 or later.")
        .ToProblem();

    /// <summary>
    /// The sanctions in force on the day and the absences covering it. In force is judged from the business dates:
    /// ordered by the day, the day before its expiry, not lifted by it, never overturned.
    /// </summary>
    [WolverineGet("/api/employees/{personnelNumber}/in-force", OperationId = "GetInForce")]
    [EndpointSummary("An employee's sanctions in force and absences on a day")]
    [ProducesResponseType<EmployeeInForce>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = Roles.RecordReaders)]
    public static async Task<IResult> Get(string personnelNumber, [FromQuery] InForceQuery query, IQuerySession session, CancellationToken ct)
    {
        var employee = personnelNumber.Trim();
        if (await session.LoadAsync<EmployeeHistory>(employee, ct) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Employee {personnelNumber} has nothing on record.");
        }
        var day = query.On!.Value;
        var sanctions = (await SanctionsInForce.OfAsync(session, employee, query.AsOf, ct))
            .Where(s => s.InForceOn(day)).OrderBy(s => s.OrderDate).ThenBy(s => s.Id).Select(SanctionInForce.Of).ToArray();
        var absences = (await SanctionsInForce.AbsencesAsync(session, employee, query.AsOf, ct)).Where(a => a.Covers(day)).ToArray();
        return Results.Ok(new EmployeeInForce(employee, day, query.AsOf, sanctions.Length > 0, sanctions, absences));
    }
}
