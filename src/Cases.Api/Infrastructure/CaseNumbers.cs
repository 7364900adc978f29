using Cases.Domain.Cases;
using Marten;
using Weasel.Postgresql.Tables;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Allocates case numbers per organisation and year in the registering transaction: the row lock serialises racing
/// registrations, and a registration that rolls back gives its number back, so numbers are unique and gapless.
/// </summary>
public static class CaseNumbers
{
    private const string TableName = "cases_case_numbers";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        return table;
    }

    public static async Task<string> NextAsync(IDocumentSession session, int year, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var numbers = await session.AdvancedSql.QueryAsync<int>(
            $"""
             insert into {schema}.{TableName} as n (tenant_id, year, last_number) values (?, ?, 1)
             on conflict (tenant_id, year) do update set last_number = n.last_number + 1
             returning n.last_number
             """,
            ct, session.TenantId, year);
        return CaseNumber.Format(year, numbers[0]);
    }
}
