using Marten;

namespace Cases.Api.Employees;

/// <summary>
/// Serialises the writes about one employee (sanctions, absences) for the length of their transaction: a sanction's
/// dates depend on the absences read before it is written, and the employee's record is one document that two
/// racing writers would otherwise both rewrite from what they read.
/// </summary>
public static class EmployeeLocks
{
    public static async Task HoldAsync(IDocumentSession session, string personnelNumber, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var key = BitConverter.ToInt64(StreamIds.Employee(session.TenantId, personnelNumber.Trim()).ToByteArray(), 0);
        await session.AdvancedSql.QueryAsync<bool>("select true from (select pg_advisory_xact_lock(?)) as held", ct, key);
    }
}
