using System.Text.Json;
using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Audit;

namespace Cases.Api.Tests.Audit;

public class when_reading_the_audit_trail(AuditApiApp app) : AuditApiTests(app)
{
    // The trail is projected behind the appends: read it once the daemon has caught up.
    private async Task<Paged<AuditEntry>> TrailAsync(string query = "")
    {
        await App.ProjectionsCaughtUpAsync();
        return await GetAsync<Paged<AuditEntry>>($"/api/audit{query}", AuditorToken);
    }

    [Fact]
    public async Task every_event_has_an_entry_with_who_as_what_when_and_why()
    {
        var created = await RegisterAsync();
        await App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/cases/{created.Id}/acknowledgement");
            s.WithBearerToken(App.UserToken(Org, "aigerim", Roles.Registrar));
            s.WithRequestHeader("X-Reason", Uri.EscapeDataString("Письмо получено"));
            s.WithRequestHeader("X-Correlation-ID", "call-2021-03-02-17");
        });

        var trail = await TrailAsync();

        trail.TotalItems.ShouldBe(2);
        var registered = trail.Items[0];
        registered.EventType.ShouldBe("case_registered");
        registered.Summary.ShouldBe($"Case {created.Number} registered (call centre, medical care)");
        registered.CaseId.ShouldBe(created.Id);
        var acknowledged = trail.Items[1];
        acknowledged.User.ShouldBe("aigerim");
        acknowledged.Roles.ShouldBe(Roles.Registrar);
        acknowledged.Reason.ShouldBe("Письмо получено");
        acknowledged.CorrelationId.ShouldBe("call-2021-03-02-17");
        acknowledged.Organisation.ShouldBe(Org);
        acknowledged.Sequence.ShouldBeGreaterThan(registered.Sequence);
        acknowledged.Version.ShouldBe(2);
    }

    [Fact]
    public async Task it_is_queried_by_case_user_event_type_and_time_and_paged()
    {
        var (first, _) = await CaseAtAsync(CaseStep.Assigned);
        await CaseAtAsync(CaseStep.Acknowledged);
        await RegisterAsync(token: App.UserToken(Org, "lone.registrar", Roles.Registrar));

        (await TrailAsync($"?caseId={first}")).TotalItems.ShouldBe(3);
        (await TrailAsync("?user=lone.registrar")).Items.Single().EventType.ShouldBe("case_registered");
        (await TrailAsync("?eventType=case_acknowledged")).TotalItems.ShouldBe(2);
        var page = await TrailAsync("?pageSize=2&page=3");
        (page.TotalItems, page.TotalPages, page.Items.Count).ShouldBe((6, 3, 2));
        var all = await TrailAsync();
        var cut = all.Items[3].Time;
        (await TrailAsync($"?from={Uri.EscapeDataString(cut.ToString("O"))}")).Items[0].Id.ShouldBe(all.Items[3].Id);
        (await TrailAsync($"?to={Uri.EscapeDataString(cut.ToString("O"))}")).TotalItems.ShouldBe(3);
        (await RefusedAsync("/api/audit?pageSize=100000", null, 400, AuditorToken)).Errors!.ShouldContainKey("pageSize");
    }

    [Fact]
    public async Task an_export_is_csv_or_ndjson_of_the_whole_selection()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Assigned);
        await CaseAtAsync(CaseStep.Registered);

        var csv = await ExportAsync($"?caseId={caseId}&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(ExportAuditTrailEndpoint.CsvHeader);
        lines.Length.ShouldBe(4);
        lines[1].ShouldContain("case_registered");

        var ndjson = (await ExportAsync("?format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ndjson.Length.ShouldBe(4);
        ndjson.Select(l => JsonSerializer.Deserialize<AuditEntry>(l, JsonSerializerOptions.Web)!.EventType)
            .ShouldBe(["case_registered", "case_acknowledged", "investigator_assigned", "case_registered"]);
        (await RefusedAsync("/api/audit/export?format=xml", null, 400, AuditorToken)).Errors!.ShouldContainKey("format");
    }

    [Fact]
    public async Task an_export_defuses_text_a_spreadsheet_would_run()
    {
        var created = await RegisterAsync(token: App.UserToken(Org, "=cmd|'/c calc'!A1", Roles.Registrar));
        await App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/cases/{created.Id}/acknowledgement");
            s.WithBearerToken(App.UserToken(Org, "+aigerim", Roles.Registrar));
            s.WithRequestHeader("X-Reason", Uri.EscapeDataString("@SUM(1+1)*cmd"));
        });

        var lines = (await ExportAsync($"?caseId={created.Id}&format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[1].Split(',')[2].ShouldBe("'=cmd|'/c calc'!A1");
        lines[2].Split(',')[2].ShouldBe("'+aigerim");
        lines[2].Split(',')[10].ShouldBe("'@SUM(1+1)*cmd");
    }

    private async Task<string> ExportAsync(string query)
    {
        await App.ProjectionsCaughtUpAsync();
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/export{query}");
            s.WithBearerToken(AuditorToken);
        });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task reading_a_complainants_identity_or_evidence_leaves_an_entry_of_its_own()
    {
        var created = await RegisterAsync(Registration(complainant: new { anonymous = false, name = "Aliya Bekova", phone = "+7 701 000 0000" }));
        var identity = await GetAsync<ComplainantIdentity>($"/api/cases/{created.Id}/complainant", App.UserToken(Org, "curious.investigator", Roles.Investigator));
        identity.Name.ShouldBe("Aliya Bekova");
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);
        await PostAsync<JsonElement>($"/api/cases/{caseId}/evidence", new
        {
            expectedVersion = version, fileName = "call.mp3", mediaType = "audio/mpeg", sizeBytes = 1024, sha256 = new string('a', 64), description = "Call"
        }, Investigator);
        var evidenceId = (await GetCaseAsync(caseId)).Evidence.Single().EvidenceId;
        (await GetAsync<JsonElement>($"/api/cases/{caseId}/evidence/{evidenceId}", AuditorToken)).GetProperty("fileName").GetString().ShouldBe("call.mp3");

        var reads = (await TrailAsync("?eventType=sensitive_record_read")).Items;

        reads.Count.ShouldBe(2);
        reads[0].CaseId.ShouldBe(created.Id);
        reads[0].User.ShouldBe("curious.investigator");
        reads[0].Roles.ShouldBe(Roles.Investigator);
        reads[0].Summary.ShouldBe("Sensitive record read");
        reads[1].CaseId.ShouldBe(caseId);
        (await GetCaseAsync(caseId)).Version.ShouldBe(version + 1);
        await RefusedAsync($"/api/cases/{caseId}/evidence/{Guid.CreateVersion7()}", null, 404, AuditorToken);
    }

    [Fact]
    public async Task a_sanctions_later_events_are_found_under_its_case()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.FindingRecorded);
        var hr = App.Token(Org, Roles.Hr);
        var imposed = await PostAsync<JsonElement>("/api/sanctions", new
        {
            personnelNumber = "E-1042", caseId, type = "remark", orderNumber = "7-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, hr, 201);
        await PostAsync<JsonElement>($"/api/sanctions/{imposed.GetProperty("id").GetGuid()}/announcement", new { expectedVersion = 1 }, hr);

        var trail = await TrailAsync($"?caseId={caseId}");

        trail.Items.Select(e => e.EventType).ShouldContain("sanction_imposed");
        trail.Items.Select(e => e.EventType).ShouldContain("sanction_announced");
    }
}
