using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Audit;

[Collection(AuditApiCollection.Name)]
public abstract class AuditApiTests(AuditApiApp app) : ApiTests<AuditApiApp>(app)
{
    protected string AuditorToken => App.Token(Org, Roles.Auditor);

    /// <summary>Verifies the chain once the chain writer has linked every event appended so far.</summary>
    protected async Task<ChainReport> VerifyAsync(string? token = null)
    {
        await App.ChainLinkedAsync();
        return await VerifyNowAsync(token);
    }

    /// <summary>Verifies the chain as it stands, events awaiting their link included.</summary>
    protected Task<ChainReport> VerifyNowAsync(string? token = null) => GetAsync<ChainReport>("/api/audit/chain", token ?? AuditorToken);

    protected Task<object?> SqlAsync(string sql) => App.ScalarAsync(sql.Replace("{schema}", App.Schema));

    /// <summary>The sequence number of the event at a link of the organisation's chain.</summary>
    protected async Task<long> SequenceAtAsync(long position) =>
        (long)(await SqlAsync($"select seq_id from {{schema}}.cases_chain where tenant_id = '{Org}' and position = {position}"))!;
}
