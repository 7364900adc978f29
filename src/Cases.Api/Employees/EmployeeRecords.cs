using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Employees;
using Marten;
using Marten.Services.BatchQuerying;

namespace Cases.Api.Employees;

/// <summary>An employee's record is found by personnel number; HR's first absence for them starts it.</summary>
public static class EmployeeRecords
{
    /// <summary>
    /// Serialises the writes about one employee (sanctions, absences) for the length of their transaction: a sanction's
    /// dates depend on the absences read before it is written, and the employee's record is one document that two
    /// racing writers would otherwise both rewrite from what they read. The key is built the same way in SQL by
    /// <see cref="OfSanction"/>, which finds the employee from the sanction's row.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, string personnelNumber, CancellationToken ct) =>
        TransactionLocks.HoldAsync(session, LockKey(session.TenantId, personnelNumber), ct);

    /// <summary>Queues the employee's lock first in a batch, in a transaction the caller has begun.</summary>
    public static void Hold(IBatchedQuery batch, IQuerySession session, string personnelNumber) =>
        TransactionLocks.Hold(batch, LockKey(session.TenantId, personnelNumber));

    private static string LockKey(string organisation, string personnelNumber) => $"employee:{organisation}:{personnelNumber.Trim()}";

    /// <summary>
    /// The employee's record, read under the employee's lock so nothing else about them is written meanwhile: the lock,
    /// the write model and the read model the command's event updates, in one round trip.
    /// </summary>
    public static async Task<IEventStream<Employee>> FetchForWritingAsync(string personnelNumber, IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        Hold(batch, session, personnelNumber);
        var stream = batch.Events.FetchForWriting<Employee>(StreamIds.Employee(session.TenantId, personnelNumber.Trim()));
        Prefetch.ForInlineProjection<EmployeeHistory>(session);
        _ = batch.Load<EmployeeHistory>(personnelNumber.Trim());
        await batch.Execute(ct);
        return await stream;
    }

    /// <summary>
    /// For a command on a sanction: the lock of the employee it is about and their record, read in the round trip that
    /// reads the sanction (Wolverine batches this plan with the sanction's fetch). The employee is found from the
    /// sanction's stored snapshot, whose personnel number never changes.
    /// </summary>
    public static async Task<OfSanction> LockForSanctionAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        Prefetch.ForInlineProjection<EmployeeHistory>(session);
        var sanctions = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Sanction)).TableName.QualifiedName;
        return new OfSanction(sanctionId, session.TenantId, sanctions);
    }

    public sealed class OfSanction(Guid sanctionId, string organisation, string sanctions) : IBatchQueryPlan<EmployeeHistory?>
    {
        public async Task<EmployeeHistory?> Fetch(IBatchedQuery batch)
        {
            var personnelNumber = $"(select s.data ->> 'personnelNumber' from {sanctions} as s where s.id = ? and s.tenant_id = ?)";
            TransactionLocks.Hold(batch, $"select 'employee:' || ? || ':' || {personnelNumber}", organisation, sanctionId, organisation);
            var records = batch.Query<EmployeeHistory>($"where d.tenant_id = ? and d.id = {personnelNumber}", organisation, sanctionId, organisation);
            return (await records).SingleOrDefault();
        }
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
