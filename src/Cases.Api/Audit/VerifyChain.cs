using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Audit;

[Tags(ApiTags.Audit)]
public static class VerifyChainEndpoint
{
    /// <summary>
    /// Checks the organisation's whole hash chain and reports its head, the first broken link, if any, and the events
    /// appended and not linked yet (the chain writer's lag, no break).
    /// </summary>
    [WolverineGet("/api/audit/chain", OperationId = "VerifyChain")]
    [EndpointSummary("Verify the hash chain")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<ChainReport> Get(IQuerySession session, ChainVerifier verifier, CancellationToken ct) =>
        verifier.VerifyAsync(session.TenantId, ct);
}

[Tags(ApiTags.Audit)]
public static class ExportChainEndpoint
{
    /// <summary>
    /// The organisation's events with their links, one JSON object per line, in chain order: what a third party needs
    /// to check the chain on their own (README, "The hash chain").
    /// </summary>
    [WolverineGet("/api/audit/chain/export", OperationId = "ExportChain")]
    [EndpointSummary("Export the hash chain as NDJSON")]
    [ProducesResponseType<ChainLink>(StatusCodes.Status200OK, "application/x-ndjson")]
    [Authorize(Roles = Roles.Auditor)]
    public static async Task Get(IQuerySession session, ChainVerifier verifier, HttpResponse response, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        response.ContentType = "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"chain.ndjson\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), bufferSize: 16 * 1024);
        await foreach (var link in verifier.LinksAsync(session.TenantId, ct))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(link, json.Value.SerializerOptions));
        }
    }
}
