using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Cases.Domain;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Weasel.Postgresql.Tables;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on writes: a client that retries a POST (a lost response, a timeout, a 503) with the same
/// key gets the first response back and nothing is appended twice.
/// The key is claimed by a row inserted first thing in the very transaction that appends the events, so a write and its
/// claim commit or roll back together. A twin (the same key again while the first request is still under way) waits on
/// that row: when the first commits, the twin answers with its response; when it rolls back, the twin goes ahead itself.
/// The response is kept once it has been produced, for later replays.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string PreferHeader = "Prefer";
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

    /// <summary>
    /// The request's claim, handed from <see cref="IdempotentRequests"/> to the endpoint's transaction, with how long the
    /// request may still wait for a twin.
    /// </summary>
    public sealed class Claim(string tenant, string key, string fingerprint, TimeSpan wait)
    {
        private readonly long _since = Stopwatch.GetTimestamp();

        public string Tenant { get; } = tenant;
        public string Key { get; } = key;
        public string Fingerprint { get; } = fingerprint;
        public TimeSpan WaitLeft => wait - Stopwatch.GetElapsedTime(_since) is { Ticks: > 0 } left ? left : TimeSpan.Zero;

        /// <summary>A twin has the key: this request answers with the twin's response, not with its own.</summary>
        public bool Yielded { get; set; }
    }

    /// <summary>
    /// Wolverine middleware on writes: claims the key before the endpoint reads anything, in the transaction its events
    /// will commit in. A twin's claim not yet committed makes the insert wait, at most as long as the request may.
    /// </summary>
    public static async Task<ProblemDetails> Before(HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        if (context.Features.Get<Claim>() is not { } claim) return WolverineContinue.NoProblems;

        await session.BeginTransactionAsync(ct);
        var wait = claim.WaitLeft;
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        await using var batch = new NpgsqlBatch(session.Connection)
        {
            // The wait is bounded by lock_timeout (0 would mean forever, hence at least 1 ms); the command timeout must outlast it.
            Timeout = (int)Math.Ceiling(wait.TotalSeconds) + 30,
            BatchCommands =
            {
                new NpgsqlBatchCommand("select set_config('lock_timeout', $1, true)")
                {
                    Parameters = { new NpgsqlParameter { Value = $"{Math.Max(1, (long)wait.TotalMilliseconds)}ms" } }
                },
                new NpgsqlBatchCommand(
                    $"insert into {schema}.{TableName} (tenant_id, key, fingerprint, claimed_at) values ($1, $2, $3, now()) on conflict do nothing")
                {
                    Parameters = { new NpgsqlParameter { Value = claim.Tenant }, new NpgsqlParameter { Value = claim.Key }, new NpgsqlParameter { Value = claim.Fingerprint } }
                },
                new NpgsqlBatchCommand("set local lock_timeout to default")
            }
        };
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
            if (batch.BatchCommands[1].RecordsAffected == 1) return WolverineContinue.NoProblems;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            // The twin is still under way after all the time this request may wait.
        }
        // The twin committed, or is still under way: the request stops here, and its transaction rolls back unused.
        claim.Yielded = true;
        return InFlight();
    }

    /// <summary>409: the first request with this key has not been answered yet.</summary>
    public static ProblemDetails InFlight() => Problems.Rule(new RuleViolation("idempotency-key-in-flight",
        $"A request with this {Header} is still being recorded; retry shortly to get its response."));
}

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencySettings
{
    /// <summary>
    /// How long a request waits for a twin with the same key that is still under way, to answer with its response,
    /// before it is told to retry (409 <c>idempotency-key-in-flight</c>). A client may ask for less with <c>Prefer: wait=n</c>.
    /// </summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// A kept response, or only the claim while the first request is still under way. A claim left without a response for
/// longer than <see cref="IdempotencyStore.InFlightAtMost"/> is abandoned: its request committed, then its process died.
/// </summary>
public sealed record KeptResponse(string Fingerprint, DateTimeOffset ClaimedAt, bool Abandoned, int? Status, string? ContentType, string? Location, byte[]? Body);

/// <summary>The kept responses, each in its organisation's own database.</summary>
public sealed class IdempotencyStore(TenantDatabases databases, string schema)
{
    public static readonly TimeSpan InFlightAtMost = TimeSpan.FromMinutes(1);

    public async Task<KeptResponse?> FindAsync(string tenant, string key, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(databases.ConnectionStringOf(tenant));
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
        await using var connection = new NpgsqlConnection(databases.ConnectionStringOf(claim.Tenant));
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
/// The HTTP side of <see cref="Idempotency"/>: answers a repeated key from what was kept, waits for a twin still under
/// way and answers with its response, and keeps the response of a first request that succeeded. A refused request
/// claims nothing (its transaction never commits), so it may be retried with the same key once corrected.
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next, IdempotencyStore store, IOptions<IdempotencySettings> settings,
    ILogger<IdempotentRequests> logger)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(250);

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

        var claim = new Idempotency.Claim(tenant, key, await FingerprintAsync(context.Request), WaitFor(context.Request));
        var kept = await AwaitAnswerAsync(claim, context.RequestAborted);
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
        finally
        {
            context.Response.Body = original;
        }

        if (claim.Yielded)
        {
            context.Response.Clear();
            await AnswerAsync(context, claim, await AwaitAnswerAsync(claim, context.RequestAborted));
            return;
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

    /// <summary>The configured wait, or less when the client prefers (RFC 7240 <c>Prefer: wait=seconds</c>).</summary>
    private TimeSpan WaitFor(HttpRequest request)
    {
        var wait = settings.Value.InFlightWait;
        if (NameValueHeaderValue.TryParseList(request.Headers[Idempotency.PreferHeader], out var preferences) && preferences is not null)
        {
            foreach (var preference in preferences.Where(p => p.Name.Equals("wait", StringComparison.OrdinalIgnoreCase)))
            {
                if (int.TryParse(preference.Value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    && TimeSpan.FromSeconds(seconds) < wait)
                {
                    wait = TimeSpan.FromSeconds(seconds);
                }
            }
        }
        return wait;
    }

    /// <summary>
    /// What was kept for the key, if anything. A twin that committed keeps its response right after: while it has not,
    /// the request waits for it as long as it may.
    /// </summary>
    private async Task<KeptResponse?> AwaitAnswerAsync(Idempotency.Claim claim, CancellationToken ct)
    {
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var kept = await store.FindAsync(claim.Tenant, claim.Key, ct);
            if (kept is null || kept.Status is not null || kept.Abandoned || kept.Fingerprint != claim.Fingerprint
                || claim.WaitLeft == TimeSpan.Zero)
            {
                return kept;
            }
            await Task.Delay(pause < claim.WaitLeft ? pause : claim.WaitLeft, ct);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
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
            return Results.Problem(Idempotency.InFlight()).ExecuteAsync(context);
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
