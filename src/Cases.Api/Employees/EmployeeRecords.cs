using Cases.Domain.Employees;
using Marten;

namespace Cases.Api.Employees;

/// <summary>An employee's record is found by personnel number; HR's first absence for them starts it.</summary>
public static class EmployeeRecords
{
    /// <summary>
    /// Serialises the writes about one employee (sanctions, absences) for the length of their transaction: a sanction's
    /// dates depend on the absences read before it is written, and the employee's record is one document that two
    /// racing writers would otherwise both rewrite from what they read.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, string personnelNumber, CancellationToken ct) =>
        TransactionLocks.HoldAsync(session, $"employee:{StreamIds.Employee(session.TenantId, personnelNumber.Trim()):N}", ct);

    /// <summary>The employee's record, read under the employee's lock so nothing else about them is written meanwhile.</summary>
    public static async Task<IEventStream<Employee>> FetchForWritingAsync(string personnelNumber, IDocumentSession session, CancellationToken ct)
    {
        await LockAsync(session, personnelNumber, ct);
        return await session.Events.FetchForWriting<Employee>(StreamIds.Employee(session.TenantId, personnelNumber.Trim()), ct);
    }

    public static async Task<IReadOnlyList<Absence>> AbsencesAsync(string personnelNumber, IQuerySession session, CancellationToken ct) =>
        Employee.AbsencesOf(await session.Events.AggregateStreamAsync<Employee>(StreamIds.Employee(session.TenantId, personnelNumber.Trim()), token: ct));

    /// <summary>As <see cref="StreamChecks"/>, with version 0 for an employee who has no record yet.</summary>
    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<Employee> stream, Func<Employee?, RuleViolation?> rule)
    {
        if (fields.When(expectedVersion < 0, "expectedVersion", "Must be 0 (no record yet) or more.").Any) return fields.ToProblem();
        var actual = stream.StartingVersion ?? 0;
        return expectedVersion != actual
            ? Problems.StaleVersion($"The record of employee {stream.Aggregate?.PersonnelNumber}", expectedVersion, actual)
            : Problems.RuleOrContinue(rule(stream.Aggregate));
    }
}
