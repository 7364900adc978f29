using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Audit;

public class when_verifying_the_hash_chain(AuditApiApp app) : AuditApiTests(app)
{
    private async Task<long> ScenarioAsync()
    {
        await CaseAtAsync(CaseStep.Closed);
        await CaseAtAsync(CaseStep.Assigned);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
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
}
