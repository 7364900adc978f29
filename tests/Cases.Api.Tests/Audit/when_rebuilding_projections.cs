using Cases.Api.Contacts;
using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Projections.Meetings;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Api.Tests.Audit;

/// <summary>
/// Rebuilding every projection from the events gives back the very documents the service wrote as it went. The
/// meeting collection's host is used for its helpers; the scenario covers every kind of stream.
/// </summary>
public class when_rebuilding_projections(MeetingApiApp app) : MeetingApiTests(app)
{
    private async Task<SortedDictionary<string, string>> DocumentsAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        // The organisations' documents; Marten's and Wolverine's own bookkeeping tables have no tenant.
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "select table_name from information_schema.columns where table_schema = @schema and table_name like 'mt_doc_%' and column_name = 'tenant_id'", connection))
        {
            list.Parameters.AddWithValue("schema", App.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var read = new NpgsqlCommand($"select tenant_id || '/' || id::text, data::text from {App.Schema}.{table}", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) documents[$"{table}/{reader.GetString(0)}"] = reader.GetString(1);
        }
        return documents;
    }

    /// <summary>The region's commission instructs the centre, which receives the instruction in its own organisation and reports on it.</summary>
    private async Task RegionalInstructionAsync()
    {
        var secretary = App.Token(OtherOrg, Roles.Secretary);
        var commission = await PostAsync<Api.Commissions.CommissionEstablishedResponse>("/api/commissions",
            new { name = "Regional anti-corruption commission", kind = "anti-corruption", establishedOn = "2021-01-04" }, secretary, 201);
        var version = commission.Version;
        foreach (var (member, role) in new[] { ("R-1", "chair"), ("R-2", "member"), ("R-3", "member") })
        {
            version = (await PostAsync<Written>($"/api/commissions/{commission.Id}/appointments",
                new { expectedVersion = version, personnelNumber = member, fullName = $"Member {member}", role, from = "2021-01-04" }, secretary)).Version;
        }
        var meeting = await PostAsync<MeetingScheduledResponse>("/api/meetings",
            new { commissionId = commission.Id, scheduledFor = MeetingTime, place = "Akimat", agenda = new[] { new { question = "Health care" } } }, secretary, 201);
        var at = $"/api/meetings/{meeting.Id}";
        version = (await PostAsync<Written>($"{at}/attendance", new { expectedVersion = meeting.Version, present = new[] { "R-1", "R-2", "R-3" } }, secretary)).Version;
        version = (await PostAsync<Written>($"{at}/opening", new { expectedVersion = version }, secretary)).Version;
        version = (await PostAsync<Written>($"{at}/votes", new
        {
            expectedVersion = version, itemNumber = 1, votes = new[] { "R-1", "R-2", "R-3" }.Select(m => new { personnelNumber = m, vote = "for" }).ToArray()
        }, secretary)).Version;
        var decision = await PostAsync<ItemResolvedResponse>($"{at}/resolutions", new
        {
            expectedVersion = version, itemNumber = 1, kind = "instruction", text = "Publish the waiting lists", executor = new { kind = "unit", name = "Health department" },
            term = new { kind = "half-year", year = 2022, part = 1 },
            addressees = new object[] { new { kind = "unit", name = "Health department" }, new { kind = "unit", name = "the centre", organisation = Org } }
        }, secretary);
        var centre = App.Token(Org, Roles.Secretary);
        var received = await EventuallyAsync(() => GetAsync<Paged<InstructionSummary>>("/api/instructions", centre), p => p.Items.Count == 1);
        await PostAsync<Written>($"/api/instructions/{received.Items[0].Id}/execution", new
        {
            expectedVersion = 1, progress = "executed", report = "Published", evidence = new[] { "Order No. 3" }
        }, centre);
        // The report reaches the decision by a message: the documents are compared once it has.
        await EventuallyAsync(() => GetAsync<DecisionSummary>($"/api/decisions/{decision.DecisionId}", secretary), d => d.Reports.Count == 1);
    }

    /// <summary>Two days of the call-centre's calls, the first corrected.</summary>
    private async Task CallsLoggedAndCorrectedAsync()
    {
        var compliance = App.Token(Org, Roles.Compliance);
        await App.Host.Scenario(s =>
        {
            s.Put.Json(new { name = "Call-centre", kind = "call-centre" }).ToUrl("/api/call-lines/call-centre");
            s.WithBearerToken(compliance);
        });
        object Calls(int count) => new
        {
            calls = Enumerable.Range(0, count).Select(i => new { at = $"09:{i:00}", durationSeconds = 60, topic = "Appointment", aboutCorruption = i == 0 }).ToArray()
        };
        await PostAsync<Api.Calls.CallDayLogged>("/api/call-lines/call-centre/days/2021-03-01/calls", Calls(3), compliance, 201);
        await PostAsync<Api.Calls.CallDayLogged>("/api/call-lines/call-centre/days/2021-03-02/calls", Calls(4), compliance, 201);
        await App.Host.Scenario(s =>
        {
            s.Put.Url("/api/call-lines/call-centre/days/2021-03-01/calls?expectedVersion=1&reason=Exported%20twice");
            s.Body.TextIs(System.Text.Json.JsonSerializer.Serialize(Calls(2)));
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(compliance);
        });
    }

    [Fact]
    public async Task every_projection_rebuilds_to_the_same_documents()
    {
        var estate = await EveryKindOfRecordAsync();
        var procurement = new
        {
            kind = "public-procurement", from = "2021-01-01", to = "2021-10-31", sources = new[] { "goszakup.gov.kz" }, itemsReviewed = 148,
            findings = new[] { new { description = "Late delivery accepted", ledTo = "referral", referredTo = "Internal audit" } },
            procurement = new { @checked = 148, violations = 1, affectingResult = 0 }
        };
        var round = await PostAsync<Api.Monitoring.MonitoringRoundRecordedResponse>("/api/monitoring/rounds", procurement, App.Token(Org, Roles.Compliance), 201);
        await PostAsync<Written>($"/api/monitoring/rounds/{round.Id}/corrections", new
        {
            expectedVersion = 1, reason = "Two procurements were counted twice", procurement.kind, procurement.from, procurement.to, procurement.sources,
            itemsReviewed = 146, procurement.findings, procurement = new { @checked = 146, violations = 1, affectingResult = 0 }
        }, App.Token(Org, Roles.Compliance));
        var twice = await PostAsync<Api.Monitoring.MonitoringRoundRecordedResponse>("/api/monitoring/rounds", procurement, App.Token(Org, Roles.Compliance), 201);
        await PostAsync<Written>($"/api/monitoring/rounds/{twice.Id}/withdrawal", new { expectedVersion = 1, reason = "Recorded twice" },
            App.Token(Org, Roles.Compliance));
        await CallsLoggedAndCorrectedAsync();
        var analysis = await PostAsync<Api.RiskAnalysis.RiskAnalysisStartedResponse>("/api/risk-analyses", new
        {
            title = "Internal analysis of corruption risks", periodFrom = "2021-01-01", periodTo = "2021-10-31", startedOn = "2021-11-01",
            workingGroup = new[] { new { name = "Kanat Satybayev", position = "First Deputy Chairman of the Board" } }
        }, App.Token(Org, Roles.Compliance), 201);
        await PostAsync<Written>($"/api/risk-analyses/{analysis.Id}/risks", new
        {
            expectedVersion = 1, area = "medical-activity", description = "Planned hospitalisation out of turn",
            conditions = "The waiting list is kept by hand", recommendation = "Publish the waiting list", identifiedOn = "2021-11-05"
        }, App.Token(Org, Roles.Compliance));
        var group = await PostAsync<Api.MobileGroups.MobileGroupFormedResponse>("/api/mobile-groups", new
        {
            name = "Mobile group of Ekibastuz", area = "Ekibastuz", formedOn = "2017-09-15", startsOn = "2017-10-01",
            members = new object[] { new { fullName = "A. Akhmetov", body = "City akimat", role = "head" }, new { fullName = "B. Seitova", body = "Nur Otan party branch" } }
        }, App.Token(Org, Roles.Compliance), 201);
        await PostAsync<Written>($"/api/mobile-groups/{group.Id}/schedule", new
        {
            expectedVersion = 1, approvedOn = "2017-09-20", approvedBy = "Akim", visits = new[] { new { date = "2017-10-05", place = "City polyclinic", topic = "Free medicines" } }
        }, App.Token(Org, Roles.Compliance));
        await PostAsync<Written>($"/api/mobile-groups/{group.Id}/visits", new
        {
            expectedVersion = 2, heldOn = "2017-10-05", place = "City polyclinic", @checked = "Free medicines", plannedVisit = 1,
            findings = new[] { new { description = "The list was not posted", ledTo = "referral", referredTo = "Health care department" } }
        }, App.Token(Org, Roles.Compliance));
        await PostAsync<Written>($"/api/mobile-groups/{group.Id}/departures", new { expectedVersion = 3, fullName = "B. Seitova", leftOn = "2017-11-01" },
            App.Token(Org, Roles.Compliance));
        var (heard, heardVersion) = await OpenMeetingAsync(estate.CommissionId, Voters);
        await MeetingCommandAsync(heard, "hearings", new
        {
            expectedVersion = heardVersion, itemNumber = 1, fullName = "Mukashev O.", position = "Head of the department", body = "Regional health care department",
            subject = "Eliminating corruption risks"
        });
        var plan = await PostAsync<Api.ActionPlans.ActionPlanAdoptedResponse>("/api/action-plans", new
        {
            title = "Regional plan of activities for 2018-2020", implements = "Anti-Corruption Strategy 2015-2025", firstYear = 2018, lastYear = 2020,
            approvedBy = "Akim of the oblast", approvedOn = "2017-12-20",
            items = new[]
            {
                new { text = "Monitor public services", responsible = new[] { new { body = "Akimat of Ekibastuz", organisation = "ekibastuz" } },
                    term = new { kind = "ongoing", reporting = "half-yearly" } }
            }
        }, App.Token(Org, Roles.Compliance), 201);
        await PostAsync<Written>($"/api/action-plans/{plan.Id}/items/1/reports", new
        {
            expectedVersion = 2, body = "Akimat of Ekibastuz", organisation = "ekibastuz", progress = "executed", report = "Held", reportedOn = "2018-07-05",
            periodFrom = "2018-01-01", periodTo = "2018-06-30"
        }, App.Token(Org, Roles.Compliance));
        await RegionalInstructionAsync();
        await App.ProjectionsCaughtUpAsync();
        var before = await DocumentsAsync();

        var store = (DocumentStore)App.Store;
        // The service's own daemon stands aside, so that the rebuild is the only writer of the audit trail.
        var coordinator = App.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        // Wiped first, so that only the replay of the events can bring the documents back.
        foreach (var table in before.Keys.Select(k => k[..k.IndexOf('/')]).Distinct())
        {
            await App.ScalarAsync($"delete from {App.Schema}.{table}");
        }
        foreach (var source in store.Options.Projections.All)
        {
            await daemon.RebuildProjectionAsync(source.ImplementationType, CasesApp.Patience, CancellationToken.None);
        }
        await coordinator.ResumeAsync();

        var after = await DocumentsAsync();
        after.Keys.ShouldBe(before.Keys);
        foreach (var (key, json) in before) after[key].ShouldBe(json, key);
        before.Keys.Count(k => k.StartsWith("mt_doc_employeehistory/")).ShouldBeGreaterThan(0);
        before.Keys.Count(k => k.StartsWith("mt_doc_monitoringround/")).ShouldBe(2);
        before.Keys.Count(k => k.StartsWith("mt_doc_callday/")).ShouldBe(2);
        before.Keys.Count(k => k.StartsWith("mt_doc_riskanalysissummary/")).ShouldBe(1);
        before.Keys.Count(k => k.StartsWith("mt_doc_actionplansummary/")).ShouldBe(1);
        before.Keys.Count(k => k.StartsWith("mt_doc_mobilegroupdetails/")).ShouldBe(1);
        before.Keys.Count(k => k.StartsWith($"mt_doc_instructionsummary/{Org}/")).ShouldBe(1);
        before.Keys.Count(k => k.StartsWith("mt_doc_statisticfact/")).ShouldBeGreaterThan(10);
    }
}
