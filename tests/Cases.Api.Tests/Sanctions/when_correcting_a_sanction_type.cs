using System.Text.Json.Nodes;
using Cases.Api.Deadlines;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Sanctions;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Sanctions;

/// <summary>
/// Before the contract was strict, "reprimand, severe-reprimand" was read as 1 | 2 and stored as a dismissal: a member of
/// its enum, so no check can tell it from a real one. HR records the type the order meant; the imposition stays as stored,
/// and every record (the sanction, the employee's, the figures, the deadlines) reads the corrected type and period.
/// </summary>
public class when_correcting_a_sanction_type(SanctionApiApp app) : SanctionApiTests(app)
{
    private Task<Written> CorrectAsync(Guid sanctionId, long expectedVersion, string type) =>
        SanctionCommandAsync(sanctionId, "corrections", new { expectedVersion, type, reason = "Order 112-K says reprimand; stored as a dismissal" });

    private async Task<Dictionary<string, int>> SanctionsByTypeAsync()
    {
        var result = await CallAsync("GET", "/api/statistics?from=2021-11-01&to=2021-11-30", null, App.Token(Org, Roles.Analyst), 200);
        return JsonNode.Parse(await result.ReadAsTextAsync())!["total"]!["sanctionsByType"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
    }

    private async Task<DueItem[]> ExpiriesAsync() =>
        (await GetAsync<DueItem[]>("/api/deadlines?days=366&kind=sanction-expiry", HrToken)).ToArray();

    [Fact]
    public async Task a_dismissal_meant_as_a_reprimand_becomes_one_with_its_period()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), type: "dismissal", orderDate: "2021-11-10"));
        imposed.ExpiresOn.ShouldBeNull();

        var corrected = await CorrectAsync(imposed.Id, 1, "reprimand");

        corrected.Version.ShouldBe(2);
        var sanction = await SanctionAsync(imposed.Id);
        (sanction.Type, sanction.ExpiresOn, sanction.Status).ShouldBe((SanctionType.Reprimand, new DateOnly(2022, 5, 11), SanctionStatus.Active));
        var record = (await HistoryAsync()).Sanctions.ShouldHaveSingleItem();
        (record.Type, record.ExpiresOn).ShouldBe((SanctionType.Reprimand, new DateOnly(2022, 5, 11)));
        (await SanctionsByTypeAsync()).ShouldBe(new Dictionary<string, int> { ["reprimand"] = 1 }, ignoreOrder: true);
        (await ExpiriesAsync()).ShouldHaveSingleItem().DueOn.ShouldBe(new DateOnly(2022, 5, 11));

        var history = JsonNode.Parse(await (await CallAsync("GET", $"/api/sanctions/{imposed.Id}/history", null, App.Token(Org, Roles.Auditor), 200))
            .ReadAsTextAsync())!.AsArray();
        var correction = history[1]!["data"]!;
        (correction["sequence"]!.GetValue<long>(), correction["storedValue"]!.GetValue<string>(), correction["type"]!.GetValue<string>())
            .ShouldBe((history[0]!["sequence"]!.GetValue<long>(), "\"Dismissal\"", "reprimand"));

        // A reprimand may be lifted, as a dismissal may not: the write model reads the corrected type too.
        await SanctionCommandAsync(imposed.Id, "lifting", new { expectedVersion = 2, liftedBy = "Director", reason = "Exemplary work" });
        (await HistoryAsync()).HasActiveSanction.ShouldBeFalse();
    }

    [Fact]
    public async Task a_reprimand_meant_as_a_dismissal_no_longer_expires()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), type: "reprimand", orderDate: "2021-11-10"));
        (await ExpiriesAsync()).ShouldHaveSingleItem();

        await CorrectAsync(imposed.Id, 1, "dismissal");

        (await SanctionAsync(imposed.Id)).ExpiresOn.ShouldBeNull();
        (await HistoryAsync()).Sanctions.ShouldHaveSingleItem().ExpiresOn.ShouldBeNull();
        (await ExpiriesAsync()).ShouldBeEmpty();
        (await SanctionsByTypeAsync()).ShouldBe(new Dictionary<string, int> { ["dismissal"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task a_correction_outside_the_rules_or_the_contract_is_refused_and_writes_nothing()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), type: "remark"));
        await SanctionCommandAsync(imposed.Id, "lifting", new { expectedVersion = 1, liftedBy = "Director", reason = "Exemplary work" });
        var events = await App.CountAllEventsAsync();

        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "remark", reason = "r" }, 409, HrToken))
            .Rule.ShouldBe("nothing-to-correct");
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "dismissal", reason = "r" }, 409, HrToken))
            .Rule.ShouldBe("sanction-not-in-force");
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 1, type = "reprimand", reason = "r" }, 409, HrToken))
            .Rule.ShouldBe("stale-version");
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "unknown", reason = "r" }, 400, HrToken))
            .Errors!.Keys.ShouldBe(["type"]);
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "reprimand, severe-reprimand", reason = "r" }, 400, HrToken))
            .Errors!.Keys.ShouldBe(["type"]);
        (await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "reprimand", reason = " " }, 400, HrToken))
            .Errors!.Keys.ShouldBe(["reason"]);
        await RefusedAsync($"/api/sanctions/{imposed.Id}/corrections", new { expectedVersion = 2, type = "reprimand", reason = "r" }, 403, Investigator);
        (await App.CountAllEventsAsync()).ShouldBe(events);

        // Between two types with a period, the period stays: a lifted sanction's type may still be put right.
        await CorrectAsync(imposed.Id, 2, "reprimand");
        (await SanctionAsync(imposed.Id)).Type.ShouldBe(SanctionType.Reprimand);
    }

    [Fact]
    public async Task a_rebuild_reads_the_corrected_type_as_the_service_did()
    {
        var imposed = await ImposeAsync(Order(await OffenceAsync(), type: "dismissal", orderDate: "2021-11-10"));
        await CorrectAsync(imposed.Id, 1, "severe-reprimand");
        // The facts and the deadlines are the daemon's: read once it has caught up, as the service's reports wait for it.
        await App.ProjectionsCaughtUpAsync();
        var before = await DocumentsAsync();

        var store = (DocumentStore)App.Store;
        var coordinator = App.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var table in new[] { "mt_doc_sanctionsummary", "mt_doc_employeehistory", "mt_doc_statisticfact", "mt_doc_deadline" })
            {
                await App.ScalarAsync($"delete from {App.Schema}.{table}");
            }
            foreach (var source in store.Options.Projections.All.Where(p => p.ImplementationType != typeof(Projections.Audit.AuditTrailProjection)))
            {
                await daemon.RebuildProjectionAsync(source.ImplementationType, TimeSpan.FromMinutes(1), CancellationToken.None);
            }
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        (await DocumentsAsync()).ShouldBe(before);
        (await SanctionAsync(imposed.Id)).Type.ShouldBe(SanctionType.SevereReprimand);
    }

    /// <summary>The documents the correction touched, as stored.</summary>
    private async Task<string> DocumentsAsync() =>
        string.Join("\n", await Task.WhenAll(new[] { "mt_doc_sanctionsummary", "mt_doc_employeehistory", "mt_doc_statisticfact", "mt_doc_deadline" }
            .Select(async table => $"{table}: " + await App.ScalarAsync(
                $"select coalesce(string_agg(id::text || ' ' || data::text, '|' order by id::text), '') from {App.Schema}.{table}"))));
}
