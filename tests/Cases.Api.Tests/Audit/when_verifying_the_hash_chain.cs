using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using Marten;
using Marten.Services;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Api.Tests.Audit;

public class when_verifying_the_hash_chain(AuditApiApp app) : AuditApiTests(app)
{
    private async Task<long> ScenarioAsync()
    {
        await CaseAtAsync(CaseStep.Closed);
        await CaseAtAsync(CaseStep.Assigned);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        await App.ChainLinkedAsync();
        return (long)(await SqlAsync($"select count(*) from {{schema}}.mt_events where tenant_id = '{Org}'"))!;
    }

    [Fact]
    public async Task every_event_is_linked_and_the_chain_holds()
    {
        var events = await ScenarioAsync();

        var report = await VerifyAsync();

        report.Intact.ShouldBeTrue();
        report.FirstBroken.ShouldBeNull();
        report.Links.ShouldBe(events);
        report.HeadHash.Length.ShouldBe(64);
        (await VerifyAsync(App.Token(OtherOrg, Roles.Auditor))).Links.ShouldBe(1);
    }

    [Fact]
    public async Task racing_appends_still_make_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => CaseAtAsync(CaseStep.Acknowledged)));

        var report = await VerifyAsync();

        report.Intact.ShouldBeTrue();
        report.Links.ShouldBe(48);
        ((long)(await SqlAsync($"select max(position) - min(position) + 1 from {{schema}}.cases_chain where tenant_id = '{Org}'"))!).ShouldBe(48);
    }

    [Fact]
    public async Task an_update_made_in_the_database_is_found_at_its_link()
    {
        await ScenarioAsync();
        var sequence = await SequenceAtAsync(3);

        await SqlAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{investigator}}', '\"someone.else\"') where seq_id = {sequence}");

        var report = await VerifyAsync();
        report.Intact.ShouldBeFalse();
        report.FirstBroken!.Position.ShouldBe(3);
        report.FirstBroken.Problem.ShouldBe(ChainProblem.EventAltered);
    }

    [Fact]
    public async Task a_delete_made_in_the_database_is_found_at_its_link()
    {
        await ScenarioAsync();
        var sequence = await SequenceAtAsync(5);

        await SqlAsync($"delete from {{schema}}.mt_events where seq_id = {sequence}");

        var broken = (await VerifyAsync()).FirstBroken!;
        broken.Position.ShouldBe(5);
        broken.Problem.ShouldBe(ChainProblem.EventMissing);
        broken.SeqId.ShouldBe(sequence);
    }

    [Fact]
    public async Task cutting_the_last_events_and_their_links_is_found_by_the_head()
    {
        var events = await ScenarioAsync();

        await SqlAsync($"delete from {{schema}}.mt_events where seq_id in (select seq_id from {{schema}}.cases_chain where tenant_id = '{Org}' and position > {events - 2})");
        await SqlAsync($"delete from {{schema}}.cases_chain where tenant_id = '{Org}' and position > {events - 2}");

        var broken = (await VerifyAsync()).FirstBroken!;
        broken.Problem.ShouldBe(ChainProblem.LinkBroken);
        broken.Position.ShouldBe(events - 1);
    }

    [Fact]
    public async Task an_insert_made_in_the_database_is_found_where_it_sits()
    {
        var events = await ScenarioAsync();
        var (id, version) = await CaseAtAsync(CaseStep.Registered);

        await SqlAsync($$"""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
            select (select max(seq_id) + 1 from {schema}.mt_events), gen_random_uuid(), stream_id, version + 1,
                   '{"caseId":"{{id}}","acknowledgedOn":"2021-03-03"}', 'case_acknowledged', now(), tenant_id, mt_dotnet_type, 'forger'
            from {schema}.mt_events where stream_id = '{{id}}' and version = {{version}}
            """);

        var broken = (await VerifyAsync()).FirstBroken!;
        broken.Problem.ShouldBe(ChainProblem.EventNotChained);
        broken.Position.ShouldBe(events + 2);
    }

    [Fact]
    public async Task an_export_can_be_checked_with_the_published_algorithm_alone()
    {
        await ScenarioAsync();
        var report = await VerifyAsync();

        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/chain/export");
            s.WithBearerToken(AuditorToken);
        });
        var lines = (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The README's algorithm, written here from the export alone, without the service's code.
        var previous = new string('0', 64);
        foreach (var line in lines)
        {
            var link = JsonDocument.Parse(line).RootElement;
            string Field(string name) => link.GetProperty(name).ValueKind == JsonValueKind.Number
                ? link.GetProperty(name).GetInt64().ToString()
                : link.GetProperty(name).GetString() ?? "";
            var canonical = string.Join('\n', "cases-chain-v1", Field("position"), Field("organisation"), Field("seqId"), Field("eventId"),
                Field("streamId"), Field("version"), Field("type"), Field("timestamp"), Field("correlationId"), Field("causationId"),
                Field("userName"), Field("headers"), Field("data"));
            Field("prevHash").ShouldBe(previous);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + canonical)));
            Field("hash").ShouldBe(hash);
            previous = hash;
        }
        lines.Length.ShouldBe((int)report.Links);
        previous.ShouldBe(report.HeadHash);
    }

    /// <summary>
    /// Appends an acknowledgement to the case through the service's own store, on a connection of the service's kind
    /// (chained), in a transaction the caller commits.
    /// </summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> UncommittedAppendAsync(Guid caseId)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(App.ConnectionString) { Options = $"-c {HashChain.Setting}=on" }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = Org;
        await using var session = App.Store.LightweightSession(options);
        session.Events.Append(caseId, new CaseAcknowledged(caseId, new DateOnly(2021, 3, 3)));
        await session.SaveChangesAsync();
        return (connection, transaction);
    }

    private async Task<T> WithTheChainWriterStoppedAsync<T>(Func<Task<T>> action)
    {
        var daemon = App.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await daemon.PauseAsync();
        try
        {
            return await action();
        }
        finally
        {
            await daemon.ResumeAsync();
        }
    }

    [Fact]
    public async Task an_append_left_open_does_not_hold_up_another_of_the_same_organisation()
    {
        var held = (await RegisterAsync()).Id;
        var other = await RegisterAsync();
        var (connection, open) = await UncommittedAppendAsync(held);
        await using (connection)
        {
            // It used to wait here until the open transaction ended, for the organisation's chain head that it held.
            await CommandAsync(other.Id, "acknowledgement", new { expectedVersion = other.Version, acknowledgedOn = "2021-03-03" })
                .WaitAsync(CasesApp.Patience);
            await open.CommitAsync();
        }

        var report = await VerifyAsync();
        report.Intact.ShouldBeTrue(report.FirstBroken?.Detail);
        report.Links.ShouldBe(await App.CountAllEventsAsync());
        report.AwaitingLink.ShouldBeNull();
        ((long)(await SqlAsync($"select count(*) from {{schema}}.cases_chain where tenant_id = '{Org}' and position between 1 and {report.Links}"))!)
            .ShouldBe(report.Links);
    }

    [Fact]
    public async Task an_event_committed_after_later_ones_were_linked_is_linked_after_them()
    {
        var held = (await RegisterAsync()).Id;
        await App.ChainLinkedAsync();
        var (connection, open) = await UncommittedAppendAsync(held);
        long heldSequence;
        await using (connection)
        {
            heldSequence = (long)(await new NpgsqlCommand($"select max(seq_id) from {App.Schema}.mt_events", connection, open).ExecuteScalarAsync())!;
            await RegisterAsync();
            // The writer links what has committed, as it does once the high-water mark gives up on a sequence held this long.
            await SqlAsync(HashChain.LinkSql("{schema}"));
            ((long)(await SqlAsync($"select count(*) from {{schema}}.cases_chain where seq_id > {heldSequence}"))!).ShouldBeGreaterThan(0);
            (await VerifyNowAsync()).Intact.ShouldBeTrue();
            await open.CommitAsync();
        }

        var report = await VerifyAsync();
        report.Intact.ShouldBeTrue(report.FirstBroken?.Detail);
        report.Links.ShouldBe(await App.CountAllEventsAsync());
        ((long)(await SqlAsync($"select position from {{schema}}.cases_chain where seq_id = {heldSequence}"))!).ShouldBe(report.Links);
    }

    [Fact]
    public async Task events_awaiting_their_link_are_reported_and_are_no_break()
    {
        var linked = await ScenarioAsync();

        var (report, events) = await WithTheChainWriterStoppedAsync(async () =>
        {
            await RegisterAsync();
            var registered = (long)(await SqlAsync($"select count(*) from {{schema}}.mt_events where tenant_id = '{Org}'"))! - linked;
            return (await VerifyNowAsync(), registered);
        });

        report.Intact.ShouldBeTrue(report.FirstBroken?.Detail);
        report.Links.ShouldBe(linked);
        report.AwaitingLink!.Events.ShouldBe(events);
        report.AwaitingLink.OldestSeqId.ShouldBe((long)(await SqlAsync(
            $"select min(seq_id) from {{schema}}.mt_events e where tenant_id = '{Org}' and not exists (select 1 from {{schema}}.cases_chain c where c.seq_id = e.seq_id)"))!);
        report.AwaitingLink.OldestSeconds.ShouldBeGreaterThanOrEqualTo(0);
        var caughtUp = await VerifyAsync();
        (caughtUp.Intact, caughtUp.Links, caughtUp.AwaitingLink).ShouldBe((true, linked + events, null));
    }

    [Fact]
    public async Task an_event_deleted_before_its_link_is_found()
    {
        var linked = await ScenarioAsync();

        var broken = await WithTheChainWriterStoppedAsync(async () =>
        {
            var caseId = (await RegisterAsync()).Id;
            await SqlAsync($"delete from {{schema}}.mt_events where stream_id = '{caseId}'");
            return (await VerifyNowAsync()).FirstBroken;
        });

        broken!.Problem.ShouldBe(ChainProblem.EventMissing);
        broken.Position.ShouldBe(linked + 1);
    }
}
