using System.Data.Common;
using Marten;
using Weasel.Storage;
using Marten.Linq.QueryHandlers;
using Marten.Services.BatchQuerying;
using Weasel.Postgresql;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Serialises the writers of one thing for the length of their transaction: a PostgreSQL advisory lock, named by a
/// key, taken in the session's transaction and let go by its commit or rollback, so the second writer reads what the
/// first wrote.
/// </summary>
public static class TransactionLocks
{
    private const string Sql = "select pg_advisory_xact_lock(hashtextextended(?, 0))";

    public static async Task HoldAsync(IDocumentSession session, string key, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.AdvancedSql.QueryAsync<bool>($"select true from ({Sql}) as held", ct, key);
    }

    /// <summary>
    /// Queues the lock in a batch (in a transaction the caller has begun), so the reads queued after it in the same
    /// round trip see what the previous holder committed.
    /// </summary>
    public static void Hold(IBatchedQuery batch, string key) => Hold(batch, "select ?", key);

    /// <summary>As <see cref="Hold(IBatchedQuery, string)"/>, with the key found by a query of one row and column.</summary>
    public static void Hold(IBatchedQuery batch, string keySql, params object[] parameters) =>
        _ = batch.AddItem(new Lock($"select pg_advisory_xact_lock(hashtextextended(k, 0)) from ({keySql}) as key(k)", parameters));

    private sealed class Lock(string sql, object[] parameters) : IQueryHandler<bool>
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            var placeholders = builder.AppendWithParameters(sql);
            for (var i = 0; i < placeholders.Length; i++)
            {
                // Typed by the value, as Npgsql does when none is named.
                placeholders[i].ResetDbType();
                placeholders[i].Value = parameters[i];
            }
        }

        public async Task<bool> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token) =>
            await reader.ReadAsync(token);

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }
}
