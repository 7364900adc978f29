using System.Diagnostics;
using Cases.Api.Tests.Audit;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Audit;
using Microsoft.Extensions.Hosting;

namespace Cases.Api.Tests.Hardening;

/// <summary>
/// The async audit trail under trouble: an event no code can read is set aside as a dead letter while the trail goes
/// on, and a rebuild killed as it runs is simply run again to the same result.
/// </summary>
public class when_a_projection_meets_trouble(AuditApiApp app) : AuditApiTests(app)
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
        (await SqlAsync($"select count(*) from {{schema}}.mt_doc_deadletterevent where data ->> 'eventSequence' = '{poisonSequence}'"))
            .ShouldBe(1L);
    }

    [Fact]
    public async Task a_rebuild_killed_as_it_runs_runs_again_to_the_same_trail()
    {
        const int events = 60_000;
        await using (var session = App.Store.LightweightSession(Org))
        {
            var caseId = (await RegisterAsync()).Id;
            for (var batch = 0; batch < events / 5_000; batch++)
            {
                for (var i = 0; i < 5_000; i++)
                {
                    var read = Guid.CreateVersion7();
                    session.Events.StartStream(read, new SensitiveRecordRead(read, caseId, SensitiveRecord.ComplainantIdentity));
                }
                await session.SaveChangesAsync();
            }
        }
        await App.ProjectionsCaughtUpAsync(TimeSpan.FromMinutes(2));
        var trail = await TrailFingerprintAsync();
        // The service is stopped, as an operator stops it before a rebuild, and started again afterwards: a running node
        // would take the projection up again as soon as the rebuild resets its progress.
        await App.Host.StopAsync();
        try
        {
            // Wiped first (Marten rebuilds a hand-written projection over its documents), so the trail's regrowth is seen.
            await SqlAsync("delete from {schema}.mt_doc_auditentry");
            using (var killed = StartRebuild(KilledRebuild))
            {
                // Killed at its first open transaction. Marten writes a rebuilt trail in a few short transactions, so on a fast
                // machine the kill may come after the writing: what is proven is that a rebuild killed as it runs leaves
                // nothing that stops the next one from ending in the same trail.
                _ = killed.StandardOutput.ReadToEndAsync();
                var killedErrors = killed.StandardError.ReadToEndAsync();
                while (!killed.HasExited && (long)(await SqlAsync(
                           $"select count(*) from pg_stat_activity where application_name = '{KilledRebuild}' and xact_start is not null"))! == 0)
                {
                    await Task.Delay(5);
                }
                killed.HasExited.ShouldBeFalse($"the rebuild ended before it was caught writing: {await killedErrors}");
                killed.Kill();
                await killed.WaitForExitAsync();
            }

            using var again = StartRebuild();
            // Both pipes drained as it runs, so that a full one never blocks the rebuild.
            var output = again.StandardOutput.ReadToEndAsync();
            var errors = again.StandardError.ReadToEndAsync();
            await again.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            again.ExitCode.ShouldBe(0, await errors + await output);

            (await TrailFingerprintAsync()).ShouldBe(trail);
        }
        finally
        {
            await App.RestartAsync();
        }
    }

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
                ["ConnectionStrings__Cases"] = App.ConnectionString + (applicationName is null ? "" : $";Application Name={applicationName}"),
                ["Marten__Schema"] = App.Schema,
                ["Auth__DevelopmentSigningKey"] = CasesApp.SigningKey,
                ["Wolverine__DurabilityMode"] = "Solo"
            }
        };
        return Process.Start(start)!;
    }
}
