using Marten;
using Weasel.Postgresql.Tables;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Allocates human numbers (cases, meetings) per organisation, series and year in the writing transaction: the row
/// lock serialises racing writers, and a write that rolls back gives its number back, so numbers are unique and gapless.
/// </summary>
public static class Numbering
{
    public const string TableName = "cases_numbers";
    public const string CaseSeries = "case";

    /// <summary>Meetings are numbered per commission.</summary>
    public static string MeetingSeries(Guid commissionId) => $"meeting:{commissionId:N}";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("series").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        return table;
    }

    public static async Task<int> NextAsync(IDocumentSession session, string series, int year, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var numbers = await session.AdvancedSql.QueryAsync<int>(
            $"""
             insert into {schema}.{TableName} as n (tenant_id, series, year, last_number) values (?, ?, ?, 1)
             on conflict (tenant_id, series, year) do update set last_number = n.last_number + 1
             returning n.last_number
             """,
            ct, session.TenantId, series, year);
        return numbers[0];
    }
}
