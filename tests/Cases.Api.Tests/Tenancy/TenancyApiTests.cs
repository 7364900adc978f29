using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Tenancy;

/// <summary>Base of the tenancy tests: <c>nroc</c> on the first database, <c>pavlodar-region</c> on the second.</summary>
[Collection(TenancyApiCollection.Name)]
public abstract class TenancyApiTests(TenancyApiApp app) : ApiTests<TenancyApiApp>(app)
{
    /// <summary>An organisation the regional commission oversees, on the second database with it.</summary>
    protected const string OverseenOnSecond = "ekibastuz";

    /// <summary>How many rows of the table the organisation has in the database given.</summary>
    protected async Task<long> RowsAsync(string connectionString, string table, string organisation) =>
        (long)(await App.ScalarOnAsync(connectionString, $"select count(*) from {App.Schema}.{table} where tenant_id = '{organisation}'"))!;
}
