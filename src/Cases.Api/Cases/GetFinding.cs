using Cases.Api.Employees;
using Cases.Projections.Cases;
using Cases.Projections.Sanctions;
using Marten;

namespace Cases.Api.Cases;

/// <summary>
/// An employee the finding holds at fault: the day of their offence (the finding's, else the one the sanction for
/// this case names), the sanction of another case in force on that day, and so whether the misconduct is repeated
/// (art. 52(1)(16)). No day known, no answer: <see cref="Repeated"/> is false and <see cref="SanctionInForce"/> null.
/// </summary>
public sealed record EmployeeAtFault(string PersonnelNumber, DateOnly? OffenceCommittedOn, SanctionInForce? SanctionInForce, bool Repeated);

/// <summary>A case's finding, with what each employee at fault had in force on the day of the offence.</summary>
public sealed record FindingView(Guid CaseId, string CaseNumber, bool ViolationFound, DateOnly FoundOn, DateOnly? OffenceCommittedOn,
    IReadOnlyList<string> EthicsArticlesViolated, IReadOnlyList<EmployeeAtFault> EmployeesAtFault);

[Tags(ApiTags.Cases)]
public static class GetFindingEndpoint
{
    /// <summary>The standing finding; the sanctions in force are judged on the offence's day from everything recorded now.</summary>
    [WolverineGet("/api/cases/{caseId}/finding", OperationId = "GetFinding")]
    [EndpointSummary("Read a case's finding and each employee's prior sanction")]
    [ProducesResponseType<FindingView>(StatusCodes.Status200OK, "application/json")]
    // It shows employees' other sanctions: only those who may read their records.
    [Authorize(Roles = Roles.RecordReaders)]
    public static async Task<IResult> Get(Guid caseId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<CaseSummary>(caseId, ct) is not { Finding: { } finding } summary)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Case {caseId} was not found or has no finding.");
        }
        var atFault = finding.EmployeesAtFault.ToArray();
        // Every employee's sanctions in one query, however many the finding holds at fault.
        var byEmployee = (await session.Query<SanctionSummary>().Where(s => s.PersonnelNumber.IsOneOf(atFault)).ToListAsync(ct))
            .ToLookup(s => s.PersonnelNumber);
        var employees = new List<EmployeeAtFault>();
        foreach (var employee in atFault)
        {
            var sanctions = byEmployee[employee].ToList();
            var committed = finding.OffenceCommittedOn ?? sanctions.FirstOrDefault(s => s.CaseId == caseId)?.OffenceCommittedOn;
            var prior = committed is { } day ? SanctionsInForce.InForceOn(sanctions.Where(s => s.CaseId != caseId), day) : null;
            employees.Add(new EmployeeAtFault(employee, committed, prior is null ? null : SanctionInForce.Of(prior), prior is not null));
        }
        return Results.Ok(new FindingView(caseId, summary.Number, finding.ViolationFound, finding.FoundOn, finding.OffenceCommittedOn,
            finding.EthicsArticlesViolated, employees));
    }
}
