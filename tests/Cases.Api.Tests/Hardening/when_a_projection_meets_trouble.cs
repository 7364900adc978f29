using System.Diagnostics;
using Cases.Api.Tests.Audit;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Audit;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// The async audit trail under trouble: an event no code can read is set aside as a dead letter while the trail goes
/// on, and a rebuild killed as it runs is simply run again to the same result.
/// </summary>
public class when_a_projection_meets_trouble(AuditApiApp app, ITestOutputHelper log) : AuditApiTests(app)
{
    [Fact]
    public async Task a_poison_event_is_dead_lettered_and_the_events_after_it_are_projected()
    {
        await RegisterAsync();
        var poison = Guid.CreateVersion7();
        // Written by hand, as a faulty migration or a manual fix might: the case id is no id at all.
        await SqlAsync($$"""
            insert into {schema}.mt_streams (tenant_id, id, type, version) values ('{{Org}}', '{{poison}}', 'case', 1);
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp)
            values (nextval('{schema}.mt_events_sequence'), gen_random_uuid(), '{{poison}}', 1,
                    '{"caseId": "not-a-guid", "number": 7}', 'case_registered', '{{Org}}', now());
            """);
        var poisonSequence = (long)(await SqlAsync($"select seq_id from {{schema}}.mt_events where stream_id = '{poison}'"))!;
        var after = await RegisterAsync();

        await App.ProjectionsCaughtUpAsync();

        (await SqlAsync($"select count(*) from {{schema}}.mt_doc_auditentry where data ->> 'streamId' = '{after.Id}'")).ShouldBe(1L);
        (await SqlAsync($"select count(*) from {{schema}}.mt_doc_auditentry where data ->> 'streamId' = '{poison}'")).ShouldBe(0L);
        // Set aside by the audit trail once (the chain writer, which links by SQL, sets its own copy aside too).
        (await SqlAsync($"select count(*) from {{schema}}.mt_doc_deadletterevent where data ->> 'eventSequence' = '{poisonSequence}' " +
                        "and data ->> 'projectionName' = 'AuditTrailProjection'")).ShouldBe(1L);
    }

    [Fact]
    public async Task a_rebuild_killed_as_it_runs_runs_again_to_the_same_trail()
    {
        // More than a page, so that pages are committed before the one the rebuild is killed in.
        const int events = global::Cases.Api.Infrastructure.Rebuilds.PageSize + 1_000;
        await using (var session = App.Store.LightweightSession(Org))
        {
            var caseId = (await RegisterAsync()).Id;
            for (var i = 0; i < events; i++)
            {
                var read = Guid.CreateVersion7();
                session.Events.StartStream(read, new SensitiveRecordRead(read, caseId, SensitiveRecord.ComplainantIdentity));
            }
            await session.SaveChangesAsync();
        }
        // The service is stopped, as an operator stops it before a rebuild, and started again afterwards: a running node
        // would take the projection up again as soon as the rebuild resets its progress.
        await App.Host.StopAsync();
        try
        {
            // The trail as a rebuild left alone writes it, an entry for every event.
            await RebuildAsync();
            (await CountEntriesAsync()).ShouldBe(events + 1);
            var trail = await TrailFingerprintAsync();
            // The trail's last entry, in a later page than the first (a page is Rebuilds.PageSize events, fewer than
            // those written): the rebuild is held as it writes it again, and killed there.
            var held = (Guid)(await SqlAsync("select id from {schema}.mt_doc_auditentry order by (data ->> 'sequence')::bigint desc limit 1"))!;
            // Wiped first (Marten rebuilds a hand-written projection over its documents), so the trail's regrowth is seen.
            await SqlAsync($"delete from {{schema}}.mt_doc_auditentry where id <> '{held}'");
            await using (var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(App.ConnectionString) { Pooling = false }.ConnectionString))
            {
                await holder.OpenAsync();
                await using var deletion = await holder.BeginTransactionAsync();
                // Deleted and left uncommitted: whoever writes the held entry waits until this transaction ends.
                await using (var delete = new NpgsqlCommand($"delete from {App.Schema}.mt_doc_auditentry where id = '{held}'", holder, deletion))
                {
                    (await delete.ExecuteNonQueryAsync()).ShouldBe(1);
                }
                using var killed = StartRebuild(KilledRebuild);
                _ = killed.StandardOutput.ReadToEndAsync();
                var killedErrors = killed.StandardError.ReadToEndAsync();
                // Its write of the held entry waits for the deletion to commit or roll back: the kill lands mid-way, whatever
                // the machine's speed.
                await CasesApp.UntilAsync(async () => killed.HasExited || await SessionsAsync(KilledRebuild, "wait_event_type = 'Lock'") > 0,
                    "the rebuild to reach the held entry");
                if (killed.HasExited) Assert.Fail($"the rebuild ended before it reached the held entry: {await killedErrors}");
                // Mid-way indeed: the batches before the held entry's are committed.
                var rewritten = await CountEntriesAsync() - 1;
                log.WriteLine($"killed with {rewritten} of {events + 1} entries written again");
                rewritten.ShouldBeGreaterThan(0);
                killed.Kill();
                await killed.WaitForExitAsync();
                // PostgreSQL notices a dead client only when it next talks to it: its session waiting on the held entry
                // is ended, as it would be then, before the deletion commits.
                await SqlAsync($"select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '{KilledRebuild}'");
                await CasesApp.UntilAsync(async () => await SessionsAsync(KilledRebuild) == 0, "the killed rebuild's sessions to end");
                await deletion.CommitAsync();
            }

            await RebuildAsync();

            (await TrailFingerprintAsync()).ShouldBe(trail);
        }
        finally
        {
            await App.RestartAsync();
        }
    }

    private async Task RebuildAsync()
    {
        using var rebuild = StartRebuild();
        // Both pipes drained as it runs, so that a full one never blocks the rebuild.
        var output = rebuild.StandardOutput.ReadToEndAsync();
        var errors = rebuild.StandardError.ReadToEndAsync();
        await rebuild.WaitForExitAsync().WaitAsync(CasesApp.Patience);
        rebuild.ExitCode.ShouldBe(0, await errors + await output);
    }

    private async Task<long> SessionsAsync(string applicationName, string where = "true") => (long)(await SqlAsync(
        $"select count(*) from pg_stat_activity where application_name = '{applicationName}' and {where}"))!;

    private async Task<long> CountEntriesAsync() => (long)(await SqlAsync("select count(*) from {schema}.mt_doc_auditentry"))!;

    private async Task<string> TrailFingerprintAsync() =>
        $"{await CountEntriesAsync()}:" + await SqlAsync("select md5(string_agg(id::text || data::text, '|' order by id)) from {schema}.mt_doc_auditentry");

    /// <summary>The operator's command, `projections rebuild`, run by the service's own executable in a process of its own.</summary>
    private const string KilledRebuild = "killed-rebuild";

    private Process StartRebuild(string? applicationName = null)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Cases.Api.dll"),
            "projections", "rebuild", "--projection", "AuditTrailProjection"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                // As the test host: Production would load only code pre-generated by `codegen write`.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Cases"] = new NpgsqlConnectionStringBuilder(App.ConnectionString)
                {
                    ApplicationName = applicationName ?? "rebuild"
                }.ConnectionString,
                ["Marten__Schema"] = App.Schema,
                ["Auth__DevelopmentSigningKey"] = CasesApp.SigningKey,
                ["Wolverine__DurabilityMode"] = "Solo"
            }
        };
        return Process.Start(start)!;
    }
}
