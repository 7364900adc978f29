using Cases.Api.Contacts;
using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace Cases.Api.Tests.Audit;

/// <summary>
/// Rebuilding every projection from the events gives back the very documents the service wrote as it went. The
/// meeting collection's host is used for its helpers; the scenario covers every kind of stream.
/// </summary>
public class when_rebuilding_projections(MeetingApiApp app) : MeetingApiTests(app)
{
    private async Task ScenarioAsync()
    {
        var hr = App.Token(Org, Roles.Hr);
        await PostAsync<Written>("/api/calendar/2021", new { expectedVersion = 0, holidays = new[] { "2021-12-16" }, workingWeekendDays = Array.Empty<string>() }, hr);
        await CaseAtAsync(CaseStep.Closed);
        var (reopened, version) = await CaseAtAsync(CaseStep.Closed);
        await CommandAsync(reopened, "reopening", new { expectedVersion = version, reason = "New facts" });
        await PostAsync<Written>($"/api/employees/{CaseSubject}/absences", new { expectedVersion = 0, kind = "vacation", from = "2021-07-01", to = "2021-07-10" }, hr);
        var offence = await ReferredCaseAsync(complainantEmployee: "M-5");
        var sanction = await PostAsync<SanctionImposedResponse>("/api/sanctions", new
        {
            personnelNumber = CaseSubject, caseId = offence, type = "remark", orderNumber = "7-K", orderDate = "2021-11-10",
            offenceCommittedOn = "2021-10-20", offenceDiscoveredOn = "2021-11-01"
        }, hr, 201);
        await PostAsync<Written>($"/api/sanctions/{sanction.Id}/announcement", new { expectedVersion = 1 }, hr);
        await RegisterAsync(token: App.Token(OtherOrg, Roles.Registrar));
        await PostAsync<ContactRecordedResponse>("/api/contacts",
            new { channel = "hotline", topic = "Bribe hinted at", corruptionRelated = true, contactedOn = "2021-06-30" }, Registrar, 201);

        var commissionId = await CommissionAsync();
        var (meetingId, meetingVersion) = await OpenMeetingAsync(commissionId, Voters, new { caseId = offence }, new { question = "Annual plan" });
        meetingVersion = await VoteAsync(meetingId, meetingVersion, 1, Voters.Where(v => v != "M-5").Select(v => (v, "for")).ToArray());
        var adopted = await ResolveAsync(meetingId, Proposal(meetingVersion));
        await MeetingCommandAsync(meetingId, "signature", new { expectedVersion = adopted.Version });
        await DecisionCommandAsync(adopted.DecisionId!.Value, "execution-reports",
            new { expectedVersion = 1, progress = "partially-executed", report = "Half done", evidence = Array.Empty<string>() });
    }

    private async Task<SortedDictionary<string, string>> DocumentsAsync()
    {
        await using var connection = new NpgsqlConnection(CasesApp.ConnectionString);
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

    [Fact]
    public async Task every_projection_rebuilds_to_the_same_documents()
    {
        await ScenarioAsync();
        var before = await DocumentsAsync();

        var store = (DocumentStore)App.Store;
        using var daemon = await store.BuildProjectionDaemonAsync();
        // Wiped first, so that only the replay of the events can bring the documents back.
        foreach (var table in before.Keys.Select(k => k[..k.IndexOf('/')]).Distinct())
        {
            await App.ScalarAsync($"delete from {App.Schema}.{table}");
        }
        foreach (var source in store.Options.Projections.All)
        {
            await daemon.RebuildProjectionAsync(source.ImplementationType, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var after = await DocumentsAsync();
        after.Keys.ShouldBe(before.Keys);
        foreach (var (key, json) in before) after[key].ShouldBe(json, key);
        before.Keys.Count(k => k.StartsWith("mt_doc_employeehistory/")).ShouldBeGreaterThan(0);
        before.Keys.Count(k => k.StartsWith("mt_doc_statisticfact/")).ShouldBeGreaterThan(10);
    }
}
