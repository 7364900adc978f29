using System.Text.Json;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// Many clients writing one case at once: exactly one wins each version, every loser is told so with a 409
/// ProblemDetails, and the stream stays gapless. Retries with an Idempotency-Key never write twice.
/// </summary>
public class when_writers_race(CaseApiApp app) : CaseApiTests(app)
{
    private const int Writers = 50;

    private static object Evidence(long version, int writer) => new
    {
        expectedVersion = version, fileName = $"statement-{writer}.pdf", mediaType = "application/pdf", sizeBytes = 1024,
        sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(writer))),
        description = $"Statement of witness {writer}"
    };

    private async Task<(int Status, string? ContentType, JsonElement Body, IHeaderDictionary Headers)> PostRawAsync(
        string url, object body, string token, string? idempotencyKey = null, string? prefer = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            if (idempotencyKey is not null) s.WithRequestHeader(Idempotency.Header, idempotencyKey);
            if (prefer is not null) s.WithRequestHeader(Idempotency.PreferHeader, prefer);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), result.Context.Response.Headers);
    }

    [Fact]
    public async Task fifty_writers_on_one_version_leave_one_winner_and_forty_nine_409s()
    {
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);

        var answers = await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer =>
            PostRawAsync($"/api/cases/{caseId}/evidence", Evidence(version, writer), Investigator)));

        answers.Count(a => a.Status == 200).ShouldBe(1);
        var losers = answers.Where(a => a.Status != 200).ToArray();
        losers.Length.ShouldBe(Writers - 1);
        losers.ShouldAllBe(a => a.Status == 409 && a.ContentType!.StartsWith("application/problem+json")
                                && a.Body.GetProperty("rule").GetString() == "stale-version");
        (await GetCaseAsync(caseId)).Version.ShouldBe(version + 1);
    }

    [Fact]
    public async Task fifty_writers_retrying_until_they_win_leave_a_gapless_stream_with_each_write_once()
    {
        var (caseId, start) = await CaseAtAsync(CaseStep.Assigned);
        var refusals = 0;

        await Task.WhenAll(Enumerable.Range(1, Writers).Select(async writer =>
        {
            while (true)
            {
                var current = (await GetCaseAsync(caseId)).Version;
                var (status, contentType, body, _) = await PostRawAsync($"/api/cases/{caseId}/evidence", Evidence(current, writer), Investigator);
                if (status == 200) return;
                (status, contentType, body.GetProperty("rule").GetString()).ShouldBe((409, "application/problem+json", "stale-version"));
                Interlocked.Increment(ref refusals);
            }
        }));

        var versions = (await App.ScalarAsync(
            $"select string_agg(version::text, ',' order by version) from {App.Schema}.mt_events where stream_id = '{caseId}'"))!.ToString()!;
        versions.ShouldBe(string.Join(",", Enumerable.Range(1, (int)start + Writers)));
        var evidence = (await GetCaseAsync(caseId)).Evidence;
        evidence.Count.ShouldBe(Writers);
        evidence.Select(e => e.FileName).Distinct().Count().ShouldBe(Writers);
        refusals.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task a_create_retried_with_its_idempotency_key_returns_the_first_response_and_appends_nothing()
    {
        var first = await PostRawAsync("/api/cases", Registration(), Registrar, "call-2021-03-02-0001");
        var replay = await PostRawAsync("/api/cases", Registration(), Registrar, "call-2021-03-02-0001");

        first.Status.ShouldBe(201);
        replay.Status.ShouldBe(201);
        replay.Body.GetRawText().ShouldBe(first.Body.GetRawText());
        replay.Headers.Location.ToString().ShouldBe(first.Headers.Location.ToString());
        replay.Headers[Idempotency.ReplayedHeader].ToString().ShouldBe("true");
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task racing_retries_with_one_key_register_one_case()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            PostRawAsync("/api/cases", Registration(), Registrar, "hotline-0815")));

        answers.ShouldAllBe(a => a.Status == 201);
        answers.Count(a => a.Headers[Idempotency.ReplayedHeader] == "true").ShouldBe(9);
        answers.Select(a => a.Body.GetRawText()).Distinct().Count().ShouldBe(1);
        answers.Select(a => a.Headers.Location.ToString()).Distinct().Count().ShouldBe(1);
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_retry_waits_for_its_twin_under_way_and_answers_with_its_response()
    {
        Task<(int Status, string? ContentType, JsonElement Body, IHeaderDictionary Headers)> first, retry;
        await using (var numbers = await HoldCaseNumbersAsync())
        {
            first = PostRawAsync("/api/cases", Registration(), Registrar, "fax-0042");
            await UntilWaitingOnAsync(Numbering.TableName);
            retry = PostRawAsync("/api/cases", Registration(), Registrar, "fax-0042");
            await UntilWaitingOnAsync(Idempotency.TableName);
            // Both are held: the first after its claim, at its case number; the retry at the first's claim.
            first.IsCompleted.ShouldBeFalse();
            retry.IsCompleted.ShouldBeFalse();
        }

        var (original, replay) = (await first, await retry);
        (original.Status, replay.Status).ShouldBe((201, 201));
        original.Headers.ContainsKey(Idempotency.ReplayedHeader).ShouldBeFalse();
        replay.Headers[Idempotency.ReplayedHeader].ToString().ShouldBe("true");
        replay.Body.GetRawText().ShouldBe(original.Body.GetRawText());
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_retry_that_may_wait_less_than_its_twin_takes_is_told_to_retry_later()
    {
        Task<(int Status, string? ContentType, JsonElement Body, IHeaderDictionary Headers)> first;
        await using (var numbers = await HoldCaseNumbersAsync())
        {
            first = PostRawAsync("/api/cases", Registration(), Registrar, "email-77");
            await UntilWaitingOnAsync(Numbering.TableName);

            var impatient = await PostRawAsync("/api/cases", Registration(), Registrar, "email-77", prefer: "wait=1");

            (impatient.Status, impatient.Body.GetProperty("rule").GetString()).ShouldBe((409, "idempotency-key-in-flight"));
            impatient.Headers.RetryAfter.ToString().ShouldBe("1");
            first.IsCompleted.ShouldBeFalse();
        }

        (await first).Status.ShouldBe(201);
        var later = await PostRawAsync("/api/cases", Registration(), Registrar, "email-77");
        (later.Status, later.Headers[Idempotency.ReplayedHeader].ToString()).ShouldBe((201, "true"));
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    /// <summary>
    /// Holds the case numbers as a long transaction would: a registration waits, after its claim, until the connection
    /// closes (unpooled, so that closing it ends the transaction at once).
    /// </summary>
    private async Task<NpgsqlConnection> HoldCaseNumbersAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(App.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var hold = new NpgsqlCommand($"begin; lock table {App.Schema}.{Numbering.TableName} in exclusive mode", connection);
        await hold.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits until a request of this collection's host is blocked on a lock of the given table.</summary>
    private Task UntilWaitingOnAsync(string table) => CasesApp.UntilAsync(async () => (long)(await App.ScalarAsync(
            $"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%{App.Schema}.{table} %'"))! > 0,
        $"a request waiting on {table}");

    [Fact]
    public async Task a_key_reused_for_another_request_is_refused_and_writes_nothing()
    {
        await PostRawAsync("/api/cases", Registration(), Registrar, "letter-17");

        var other = await PostRawAsync("/api/cases", Registration(channel: "hotline"), Registrar, "letter-17");

        (other.Status, other.Body.GetProperty("rule").GetString()).ShouldBe((409, "idempotency-key-reused"));
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_refused_request_does_not_use_up_its_key()
    {
        var refused = await PostRawAsync("/api/cases", Registration(receivedOn: "2030-01-01"), Registrar, "website-42");
        var corrected = await PostRawAsync("/api/cases", Registration(), Registrar, "website-42");

        refused.Status.ShouldBe(400);
        corrected.Status.ShouldBe(201);
        (await App.CountAllEventsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_command_retried_with_its_key_is_answered_as_the_first_time_not_as_stale()
    {
        var created = await RegisterAsync();

        var first = await PostRawAsync($"/api/cases/{created.Id}/acknowledgement", new { expectedVersion = 1 }, Registrar, "ack-1");
        var retry = await PostRawAsync($"/api/cases/{created.Id}/acknowledgement", new { expectedVersion = 1 }, Registrar, "ack-1");

        (first.Status, retry.Status).ShouldBe((200, 200));
        retry.Body.GetProperty("version").GetInt64().ShouldBe(2);
        (await App.CountAllEventsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task keys_belong_to_one_organisation()
    {
        var ours = await PostRawAsync("/api/cases", Registration(), Registrar, "shared-key");
        var theirs = await PostRawAsync("/api/cases", Registration(), App.Token(OtherOrg, Roles.Registrar), "shared-key");

        (ours.Status, theirs.Status).ShouldBe((201, 201));
        theirs.Body.GetProperty("id").GetGuid().ShouldNotBe(ours.Body.GetProperty("id").GetGuid());
        theirs.Headers.ContainsKey(Idempotency.ReplayedHeader).ShouldBeFalse();
    }
}
