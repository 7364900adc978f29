using System.Security.Cryptography;
using Cases.Domain;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on writes: a client that retries a POST (a lost response, a timeout, a 503) with the same
/// key gets the first response back and nothing is appended twice.
/// The key is claimed by a row inserted in the very transaction that appends the events, so a write and its claim
/// commit or roll back together; two racing requests with one key cannot both commit (the second breaks the primary
/// key and its events roll back with it). The response is kept once it has been produced, for later replays.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string TableName = "cases_idempotency";
    public const int MaxKeyLength = 128;

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("fingerprint").NotNull();
        table.AddColumn<DateTimeOffset>("claimed_at").NotNull();
        table.AddColumn<int>("status");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("location");
        table.AddColumn("body", "bytea");
        return table;
    }

    /// <summary>The request's claim, handed from <see cref="IdempotentRequests"/> to the endpoint's transaction.</summary>
    public sealed record Claim(string Tenant, string Key, string Fingerprint);

    /// <summary>Wolverine middleware on writes: queues the claim into the session, so it commits with the events.</summary>
    public static void Before(HttpContext context, IDocumentSession session)
    {
        if (context.Features.Get<Claim>() is not { } claim) return;
        session.QueueSqlCommand(
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{TableName} (tenant_id, key, fingerprint, claimed_at) values (?, ?, ?, now())",
            claim.Tenant, claim.Key, claim.Fingerprint);
    }

    /// <summary>The commit lost to another request that claimed the same key.</summary>
    public static bool IsClash(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: TableName }) return true;
        }
        return false;
    }
}

/// <summary>
/// A kept response, or only the claim while the first request is still under way. A claim left without a response for
/// longer than <see cref="IdempotencyStore.InFlightAtMost"/> is abandoned: its request committed, then its process died.
/// </summary>
public sealed record KeptResponse(string Fingerprint, DateTimeOffset ClaimedAt, bool Abandoned, int? Status, string? ContentType, string? Location, byte[]? Body);

public sealed class IdempotencyStore(string connectionString, string schema)
{
    public static readonly TimeSpan InFlightAtMost = TimeSpan.FromMinutes(1);

    public async Task<KeptResponse?> FindAsync(string tenant, string key, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select fingerprint, claimed_at, status is null and claimed_at < now() - @inFlight, status, content_type, location, body from {schema}.{Idempotency.TableName} where tenant_id = @tenant and key = @key",
            connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("inFlight", InFlightAtMost);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new KeptResponse(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6));
    }

    public async Task KeepAsync(Idempotency.Claim claim, int status, string? contentType, string? location, byte[] body, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"update {schema}.{Idempotency.TableName} set status = @status, content_type = @contentType, location = @location, body = @body where tenant_id = @tenant and key = @key",
            connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("contentType", (object?)contentType ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)location ?? DBNull.Value);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("tenant", claim.Tenant);
        command.Parameters.AddWithValue("key", claim.Key);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// The HTTP side of <see cref="Idempotency"/>: answers a repeated key from what was kept, and keeps the response of a
/// first request that succeeded. A refused request claims nothing (its transaction never commits), so it may be
/// retried with the same key once corrected.
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next, IdempotencyStore store, ILogger<IdempotentRequests> logger)
{
    private static readonly TimeSpan[] ClashWaits = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    public async Task InvokeAsync(HttpContext context)
    {
        var tenant = context.User.FindFirst(CasesClaims.Organisation)?.Value;
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(Idempotency.Header, out var header)
            || tenant is null || context.GetEndpoint() is not { } endpoint
            // The public channel's answers carry a receipt code that must never be stored.
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var key = header.ToString();
        if (header.Count != 1 || key.Length is 0 or > Idempotency.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Results.Problem(Problems.Invalid(new Dictionary<string, string[]>
            {
                [Idempotency.Header] = [$"One key of 1 to {Idempotency.MaxKeyLength} visible ASCII characters."]
            })).ExecuteAsync(context);
            return;
        }

        var claim = new Idempotency.Claim(tenant, key, await FingerprintAsync(context.Request));
        var kept = await store.FindAsync(tenant, key, context.RequestAborted);
        if (kept is not null)
        {
            await AnswerAsync(context, claim, kept);
            return;
        }

        context.Features.Set(claim);
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch (Exception e) when (Idempotency.IsClash(e))
        {
            context.Response.Body = original;
            context.Response.Clear();
            await AnswerAsync(context, claim, await AwaitFirstAsync(claim, context.RequestAborted));
            return;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode is >= 200 and < 300)
        {
            try
            {
                await store.KeepAsync(claim, context.Response.StatusCode, context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray(), CancellationToken.None);
            }
            catch (Exception e)
            {
                // The write is committed, whatever failed here: its client gets its answer now, and only a later replay misses it.
                logger.LogWarning(e, "The response to {Key} was not kept after its commit", claim.Key);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The request that won the key is committing or about to keep its response: give it a moment.</summary>
    private async Task<KeptResponse?> AwaitFirstAsync(Idempotency.Claim claim, CancellationToken ct)
    {
        KeptResponse? kept = null;
        foreach (var wait in ClashWaits)
        {
            await Task.Delay(wait, ct);
            kept = await store.FindAsync(claim.Tenant, claim.Key, ct);
            if (kept?.Status is not null) break;
        }
        return kept;
    }

    private Task AnswerAsync(HttpContext context, Idempotency.Claim claim, KeptResponse? kept)
    {
        if (kept is not null && kept.Fingerprint != claim.Fingerprint)
        {
            return Results.Problem(Problems.Rule(new RuleViolation("idempotency-key-reused",
                $"This {Idempotency.Header} was used for a different request; use a new key for a new request."))).ExecuteAsync(context);
        }
        if (kept is { Abandoned: true })
        {
            return Results.Problem(Problems.Rule(new RuleViolation("idempotency-response-lost",
                $"The request with this {Idempotency.Header} was recorded at {kept.ClaimedAt:O}, but its response was lost; " +
                "find the record it created in the lists rather than sending it again."))).ExecuteAsync(context);
        }
        if (kept?.Status is not { } status)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Problem(Problems.Rule(new RuleViolation("idempotency-key-in-flight",
                $"A request with this {Idempotency.Header} is still being recorded; retry shortly to get its response."))).ExecuteAsync(context);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = kept.ContentType;
        if (kept.Location is not null) context.Response.Headers.Location = kept.Location;
        context.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return context.Response.Body.WriteAsync(kept.Body ?? []).AsTask();
    }

    /// <summary>The same key must come with the same request: its method, path, query and body.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
