using System.Diagnostics;
using System.Text.Json.Nodes;
using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Audit;
using Cases.Api.Tests.Infrastructure;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Contract;

/// <summary>
/// A case the service stored before its contract was strict, written here in SQL as it was then: registered with
/// "internal, public" (Marten stored the number 15) and "ethics, other" (7), its summary and figures written with it,
/// linked into the hash chain by the service's own setting. Nothing reading it answers 500; it reads as unknown, the
/// operator's command finds it, and a correction mends the record without touching the stored event.
/// </summary>
public class when_values_were_stored_outside_the_contract(AuditApiApp app) : AuditApiTests(app)
{
    private const string Number = "2021-0099";

    private string Analyst => App.Token(Org, Roles.Analyst);

    /// <summary>Copies a case registered today into one registered as the old service stored such a request, chained as it was.</summary>
    private async Task<Guid> CaseStoredOutsideTheContractAsync()
    {
        var model = (await RegisterAsync()).Id;
        var id = Guid.CreateVersion7();
        string Rewritten(string json, string idField) =>
            $"jsonb_set(jsonb_set(jsonb_set(jsonb_set({json}, '{{{idField}}}', '\"{id}\"'), '{{number}}', '\"{Number}\"'), '{{channel}}', '15'), '{{category}}', '7')";
        string Fact(string kind, string key) =>
            $$"""
              insert into {schema}.mt_doc_statisticfact (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
              select tenant_id, '{{kind}}:{{id:N}}', jsonb_set(jsonb_set(data, '{id}', '"{{kind}}:{{id:N}}"'), '{key}', '"{{key}}"'),
                     mt_last_modified, mt_version, mt_dotnet_type
              from {schema}.mt_doc_statisticfact where id = '{{kind}}:{{model:N}}';
              """;
        await SqlAsync($$"""
            begin;
            set local {{HashChain.Setting}} = 'on';
            insert into {schema}.mt_streams (tenant_id, id, type, version, timestamp, created)
            select tenant_id, '{{id}}', type, 1, timestamp, created from {schema}.mt_streams where id = '{{model}}';
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name, headers, correlation_id)
            select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), '{{id}}', 1, {{Rewritten("data", "caseId")}},
                   type, timestamp, tenant_id, mt_dotnet_type, user_name, headers, correlation_id
            from {schema}.mt_events where stream_id = '{{model}}';
            insert into {schema}.mt_doc_casesummary (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
            select tenant_id, '{{id}}', {{Rewritten("data", "id")}}, mt_last_modified, mt_version, mt_dotnet_type
            from {schema}.mt_doc_casesummary where id = '{{model}}';
            insert into {schema}.mt_doc_case (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
            select tenant_id, '{{id}}', {{Rewritten("data", "id")}}, mt_last_modified, mt_version, mt_dotnet_type
            from {schema}.mt_doc_case where id = '{{model}}';
            {{Fact("appeal-channel", "15")}}
            {{Fact("appeal-category", "7")}}
            commit;
            """);
        return id;
    }

    private async Task<JsonNode> JsonAsync(string url, string token) =>
        JsonNode.Parse(await (await CallAsync("GET", url, null, token, 200)).ReadAsTextAsync())!;

    private async Task<JsonNode> FiguresAsync() => (await JsonAsync("/api/statistics?from=2021-03-01&to=2021-03-31", Analyst))["total"]!;

    private static Dictionary<string, int> Counts(JsonNode? node) =>
        node!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    [Fact]
    public async Task every_read_and_a_rebuild_answer_and_show_it_as_unknown()
    {
        var id = await CaseStoredOutsideTheContractAsync();

        async Task EveryReadShowsUnknown(string when)
        {
            var listed = (await JsonAsync("/api/cases", Investigator))["items"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == id)!;
            (listed["channel"]!.GetValue<string>(), listed["category"]!.GetValue<string>()).ShouldBe(("unknown", "unknown"), when);
            (await JsonAsync($"/api/cases/{id}", Investigator))["channel"]!.GetValue<string>().ShouldBe("unknown", when);
            (await JsonAsync($"/api/cases?channel=call-centre&category=medical-care", Investigator))["items"]!.AsArray().Count.ShouldBe(1, when);
            var registered = (await JsonAsync($"/api/cases/{id}/history", AuditorToken))[0]!["data"]!;
            (registered["channel"]!.GetValue<string>(), registered["category"]!.GetValue<string>()).ShouldBe(("unknown", "unknown"), when);
            (await JsonAsync($"/api/cases/{id}/as-of?version=1", AuditorToken))["category"]!.GetValue<string>().ShouldBe("unknown", when);
            var figures = await FiguresAsync();
            Counts(figures["appealsByChannel"]).ShouldBe(new Dictionary<string, int> { ["call-centre"] = 1, ["unknown"] = 1 }, ignoreOrder: true, when);
            Counts(figures["appealsByCategory"]).ShouldBe(new Dictionary<string, int> { ["medical-care"] = 1, ["unknown"] = 1 }, ignoreOrder: true, when);
            (await (await CallAsync("GET", "/api/statistics/narrative?from=2021-03-01&to=2021-03-31", null, Analyst, 200)).ReadAsTextAsync())
                .ShouldContain("an unknown category (1)", Case.Sensitive, when);
            await App.ProjectionsCaughtUpAsync();
            (await JsonAsync($"/api/audit?caseId={id}", AuditorToken))["items"]![0]!["summary"]!.GetValue<string>()
                .ShouldBe($"Case {Number} registered (unknown, unknown)", when);
        }

        await EveryReadShowsUnknown("as the old service left it");
        await RebuildEveryProjectionAsync();
        await EveryReadShowsUnknown("after every projection was rebuilt");
        (await SqlAsync($"select data ->> 'channel' from {{schema}}.mt_doc_casesummary where id = '{id}'")).ShouldBe(nameof(Domain.Cases.Channel.Unknown));
    }

    [Fact]
    public async Task the_operator_command_lists_it_until_it_is_corrected()
    {
        var id = await CaseStoredOutsideTheContractAsync();
        var sequence = (long)(await SqlAsync($"select seq_id from {{schema}}.mt_events where stream_id = '{id}'"))!;

        var (exit, output) = await ContractCheckAsync("--org", Org);

        exit.ShouldBe(1, output);
        output.ShouldContain($"{sequence}\t{Org}\t{id}\tcase_registered\tchannel\t15\t-\n");
        output.ShouldContain($"{sequence}\t{Org}\t{id}\tcase_registered\tcategory\t7\t-\n");
        output.ShouldContain("2 stored value(s) outside the contract, 2 not corrected.");
        (await ContractCheckAsync("--org", OtherOrg)).Exit.ShouldBe(0);

        var channel = await CommandAsync(id, "corrections", new { expectedVersion = 1, channel = "internal", reason = "Sent as \"internal, public\"" });
        var correction = (long)(await SqlAsync($"select seq_id from {{schema}}.mt_events where stream_id = '{id}' and version = 2"))!;
        (exit, output) = await ContractCheckAsync();

        exit.ShouldBe(1, output);
        output.ShouldContain($"{sequence}\t{Org}\t{id}\tcase_registered\tchannel\t15\t{correction}\n");
        output.ShouldContain($"{sequence}\t{Org}\t{id}\tcase_registered\tcategory\t7\t-\n");
        await CommandAsync(id, "corrections", new { expectedVersion = channel.Version, category = "ethics", reason = "Sent as \"ethics, other\"" });
        (exit, output) = await ContractCheckAsync();
        exit.ShouldBe(0, output);
        output.ShouldContain("2 stored value(s) outside the contract, 0 not corrected.");
    }

    [Fact]
    public async Task a_correction_mends_the_record_and_leaves_the_stored_event_and_the_chain_as_they_were()
    {
        var id = await CaseStoredOutsideTheContractAsync();
        var stored = await SqlAsync($"select md5(e::text) from {{schema}}.mt_events e where stream_id = '{id}'");

        (await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = 1, channel = "unknown", reason = "r" }, 400, Investigator))
            .Errors!.Keys.ShouldBe(["channel"]);
        (await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = 1, channel = "public", reason = "r" }, 409, Investigator))
            .Rule.ShouldBe("public-channel-reserved");
        (await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = 1, channel = "internal", category = "ethics", reason = "r" }, 400, Investigator))
            .Errors!.Keys.ShouldBe(["$"]);
        (await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = 1, outcome = "withdrawn", reason = "r" }, 409, Investigator))
            .Rule.ShouldBe("case-not-closed");
        await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = 1, channel = "internal", reason = "r" }, 403, Registrar);

        var version = (await CommandAsync(id, "corrections", new { expectedVersion = 1, channel = "internal", reason = "Sent as \"internal, public\"" })).Version;
        version = (await CommandAsync(id, "corrections", new { expectedVersion = version, category = "ethics", reason = "Sent as \"ethics, other\"" })).Version;
        (await RefusedAsync($"/api/cases/{id}/corrections", new { expectedVersion = version, category = "ethics", reason = "again" }, 409, Investigator))
            .Rule.ShouldBe("nothing-to-correct");

        async Task TheRecordReadsCorrected(string when)
        {
            var summary = await JsonAsync($"/api/cases/{id}", Investigator);
            (summary["channel"]!.GetValue<string>(), summary["category"]!.GetValue<string>(), summary["version"]!.GetValue<long>())
                .ShouldBe(("internal", "ethics", 3L), when);
            var figures = await FiguresAsync();
            Counts(figures["appealsByChannel"]).ShouldBe(new Dictionary<string, int> { ["call-centre"] = 1 }, ignoreOrder: true, when);
            Counts(figures["appealsByCategory"]).ShouldBe(new Dictionary<string, int> { ["medical-care"] = 1 }, ignoreOrder: true, when);
            figures["internalCases"]!.GetValue<int>().ShouldBe(1, when);
            figures["casesOpened"]!.GetValue<int>().ShouldBe(2, when);
        }

        await TheRecordReadsCorrected("as corrected");
        var history = (await JsonAsync($"/api/cases/{id}/history", AuditorToken)).AsArray();
        history.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["case_registered", "case_channel_corrected", "case_category_corrected"]);
        var sequence = history[0]!["sequence"]!.GetValue<long>();
        history[1]!["data"]!.ToJsonString().ShouldContain($$"""{"caseId":"{{id}}","sequence":{{sequence}},"storedValue":"15","channel":"internal",""");
        history[2]!["data"]!.ToJsonString().ShouldContain($$"""{"caseId":"{{id}}","sequence":{{sequence}},"storedValue":"7","category":"ethics",""");
        history[1]!["user"]!.GetValue<string>().ShouldBe("investigator@nroc");

        (await SqlAsync($"select md5(e::text) from {{schema}}.mt_events e where stream_id = '{id}' and version = 1")).ShouldBe(stored);
        var chain = await VerifyAsync();
        chain.Intact.ShouldBeTrue(chain.FirstBroken?.Detail);
        chain.Links.ShouldBe((long)(await SqlAsync("select count(*) from {schema}.mt_events"))!);

        await RebuildEveryProjectionAsync();
        await TheRecordReadsCorrected("after every projection was rebuilt");
    }

    /// <summary>Every document wiped and rebuilt from the events alone, the service's own daemon standing aside meanwhile.</summary>
    private async Task RebuildEveryProjectionAsync()
    {
        await App.ProjectionsCaughtUpAsync();
        var store = (DocumentStore)App.Store;
        var coordinator = App.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var table in new[] { "mt_doc_casesummary", "mt_doc_statisticfact", "mt_doc_auditentry", "mt_doc_employeehistory", "mt_doc_deadline" })
            {
                await SqlAsync($"delete from {{schema}}.{table}");
            }
            foreach (var source in store.Options.Projections.All)
            {
                await daemon.RebuildProjectionAsync(source.ImplementationType, TimeSpan.FromMinutes(1), CancellationToken.None);
            }
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }

    /// <summary>The operator's command, run by the service's own executable in a process of its own.</summary>
    private async Task<(int Exit, string Output)> ContractCheckAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Cases.Api.dll"), "contract-check", .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Cases"] = App.ConnectionString,
                ["Marten__Schema"] = App.Schema,
                ["Auth__DevelopmentSigningKey"] = CasesApp.SigningKey,
                ["Wolverine__DurabilityMode"] = "Solo"
            }
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await errors);
    }
}
