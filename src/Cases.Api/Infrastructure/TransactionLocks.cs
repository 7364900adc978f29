using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Serialises the writers of one thing for the length of their transaction: a PostgreSQL advisory lock, named by a
/// key, taken in the session's transaction and let go by its commit or rollback, so the second writer reads what the
/// first wrote.
/// </summary>
public static class TransactionLocks
{
    public static async Task HoldAsync(IDocumentSession session, string key, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.AdvancedSql.QueryAsync<bool>("select true from (select pg_advisory_xact_lock(hashtextextended(?, 0))) as held", ct, key);
    }
}
