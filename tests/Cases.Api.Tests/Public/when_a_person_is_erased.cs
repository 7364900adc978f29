using Cases.Api.Audit;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using Cases.Projections.Audit;
using Cases.Projections.Cases;
using Marten;
using Case = Cases.Domain.Cases.Case;

namespace Cases.Api.Tests.Public;

public class when_a_person_is_erased(PublicApiApp app) : PublicApiTests(app)
{
    private static readonly string[] Personal = ["Bekova", "555 0199", "a.bekova@", "M-77"];

    private string Dpo => App.Token(Org, Roles.DataProtection);
    private string Auditor => App.Token(Org, Roles.Auditor);

    private Task<CaseRegisteredResponse> RegisterWithComplainantAsync() => RegisterAsync(Registration(complainant: new
    {
        anonymous = false, name = "Aigerim Bekova", phone = "+7 701 555 0199", email = "a.bekova@example.kz", personnelNumber = "M-77"
    }));

    private Task<ComplainantIdentity> ComplainantAsync(Guid caseId) =>
        GetAsync<ComplainantIdentity>($"/api/cases/{caseId}/complainant", Investigator);

    /// <summary>Everything the service shows of the case and its organisation, and everything PostgreSQL holds of them.</summary>
    private async Task<string> EverythingAsync(Guid caseId)
    {
        await App.ProjectionsCaughtUpAsync();
        var shown = new List<string>();
        foreach (var (url, token) in new[]
                 {
                     ($"/api/cases/{caseId}", Investigator), ("/api/cases", Investigator), ($"/api/cases/{caseId}/complainant", Investigator),
                     ($"/api/cases/{caseId}/history", Auditor), ($"/api/cases/{caseId}/as-of?version=1", Auditor),
                     ("/api/audit?pageSize=500", Auditor), ("/api/audit/export?format=csv", Auditor), ("/api/audit/export?format=ndjson", Auditor),
                     ("/api/audit/chain/export", Auditor), ("/api/deadlines?days=366", Investigator)
                 })
        {
            shown.Add(await (await CallAsync("GET", url, null, token, 200)).ReadAsTextAsync());
        }
        shown.Add((string)(await App.ScalarAsync($"select string_agg(data::text, ' ') from {App.Schema}.mt_events"))!);
        foreach (var table in new[] { "mt_doc_casesummary", "mt_doc_auditentry", "mt_doc_deadline", "mt_doc_statisticfact", "mt_doc_publicreport" })
        {
            shown.Add(await App.ScalarAsync($"select coalesce(string_agg(data::text, ' '), '') from {App.Schema}.{table}") as string ?? "");
        }
        return string.Join('\n', shown);
    }

    [Fact]
    public async Task the_identity_is_stored_encrypted_and_read_back_with_an_audited_read()
    {
        var registered = await RegisterWithComplainantAsync();

        var complainant = await ComplainantAsync(registered.Id);

        complainant.ShouldBe(new ComplainantIdentity(registered.Id, false, false, "Aigerim Bekova", "+7 701 555 0199", "a.bekova@example.kz", "M-77"));
        var stored = (string)(await App.ScalarAsync($"select string_agg(data::text, ' ') from {App.Schema}.mt_events"))!;
        foreach (var value in Personal) stored.ShouldNotContain(value);
        stored.ShouldContain("complainantIdentity");
    }

    [Fact]
    public async Task after_an_erasure_nothing_reveals_the_person_a_rebuild_keeps_it_erased_and_the_chain_verifies()
    {
        var registered = await RegisterWithComplainantAsync();
        (await ComplainantAsync(registered.Id)).Name.ShouldBe("Aigerim Bekova");
        (await EverythingAsync(registered.Id)).ShouldContain("Aigerim Bekova");

        var erased = await PostAsync<CaseWritten>($"/api/cases/{registered.Id}/complainant/erasure",
            new { expectedVersion = registered.Version, reason = "Request under the personal data law, letter 12-3/455" }, Dpo);

        erased.Version.ShouldBe(registered.Version + 1);
        await AssertErasedAsync(registered.Id);

        await RebuildAsync(["mt_doc_casesummary"], ((DocumentStore)App.Store).Options.Projections.All.Select(p => p.ImplementationType));

        await AssertErasedAsync(registered.Id);
        var history = await GetAsync<RecordedEvent[]>($"/api/cases/{registered.Id}/history", Auditor);
        history.Last().Type.ShouldBe("personal_data_erased");
        history.Last().Reason.ShouldBeNull();
        await App.ProjectionsCaughtUpAsync();
        (await GetAsync<Paged<AuditEntry>>("/api/audit?eventType=personal_data_erased", Auditor)).Items.ShouldHaveSingleItem().User.ShouldBe($"{Roles.DataProtection}@{Org}");
    }

    private async Task AssertErasedAsync(Guid caseId)
    {
        var complainant = await ComplainantAsync(caseId);
        complainant.ShouldBe(new ComplainantIdentity(caseId, false, true, null, null, null, null));
        (await GetCaseAsync(caseId)).ComplainantErased.ShouldBeTrue();
        var everything = await EverythingAsync(caseId);
        foreach (var value in Personal.Append("Aigerim")) everything.ShouldNotContain(value);
        await App.ChainLinkedAsync();
        var chain = await GetAsync<ChainReport>("/api/audit/chain", Auditor);
        chain.Intact.ShouldBeTrue();
        chain.Links.ShouldBe(await App.CountAllEventsAsync());
    }

    [Fact]
    public async Task a_public_reporters_contact_is_erased_the_same_way_and_the_reporter_still_follows_the_case()
    {
        var receipt = await ReportAsync(IdentifiedReport("Aigerim Bekova"));
        var summary = await PublicCaseAsync();
        (await ComplainantAsync(summary.Id)).Email.ShouldBe("aliya@example.kz");

        await PostAsync<CaseWritten>($"/api/cases/{summary.Id}/complainant/erasure", new { expectedVersion = summary.Version, reason = "Asked by the reporter" }, Dpo);

        (await ComplainantAsync(summary.Id)).Erased.ShouldBeTrue();
        var everything = await EverythingAsync(summary.Id);
        foreach (var value in new[] { "Aigerim", "aliya@", "555 0101" }) everything.ShouldNotContain(value);
        (await FollowAsync(receipt.ReceiptCode)).Status.ShouldBe(Domain.Public.PublicStatus.Received);
    }

    [Fact]
    public async Task only_encrypted_personal_data_is_erased_and_only_once()
    {
        var registered = await RegisterWithComplainantAsync();
        var url = $"/api/cases/{registered.Id}/complainant/erasure";
        var version = (await PostAsync<CaseWritten>(url, new { expectedVersion = registered.Version, reason = "r" }, Dpo)).Version;

        (await RefusedAsync(url, new { expectedVersion = version, reason = "again" }, 409, Dpo)).Rule.ShouldBe("personal-data-erased");
        (await RefusedAsync(url, new { expectedVersion = version - 1, reason = "r" }, 409, Dpo)).Rule.ShouldBe("stale-version");
        (await RefusedAsync(url, new { expectedVersion = version, reason = " " }, 400, Dpo)).Errors!.ShouldContainKey("reason");

        var anonymous = await RegisterAsync(Registration(complainant: new { anonymous = true }));
        (await RefusedAsync($"/api/cases/{anonymous.Id}/complainant/erasure", new { expectedVersion = 1, reason = "r" }, 409, Dpo))
            .Rule.ShouldBe("no-encrypted-personal-data");
        await RefusedAsync($"/api/cases/{Guid.CreateVersion7()}/complainant/erasure", new { expectedVersion = 1, reason = "r" }, 404, Dpo);
    }

    [Fact]
    public async Task a_registration_stored_before_encryption_still_reads_its_complainant()
    {
        var caseId = Guid.CreateVersion7();
        await using (var session = App.Store.LightweightSession(Org))
        {
            // The shape every registration had before personal data was encrypted.
            session.Events.StartStream<Case>(caseId, new CaseRegistered(caseId, "2021-0042", Channel.Hotline, Category.Ethics, ["E-1"],
                new Complainant(false, "Old Style", "+7 700 000 0000", null, "M-1"), "Rude answer", new DateOnly(2021, 3, 2)));
            await session.SaveChangesAsync();
        }

        (await ComplainantAsync(caseId)).ShouldBe(new ComplainantIdentity(caseId, false, false, "Old Style", "+7 700 000 0000", null, "M-1"));
        (await GetCaseAsync(caseId)).ShouldSatisfyAllConditions(
            c => c.ComplainantIdentified.ShouldBeTrue(),
            c => c.ComplainantErased.ShouldBeFalse());
    }

    [Fact]
    public async Task a_complainant_named_in_clear_is_not_claimed_erased_for_a_notice_address_shredded()
    {
        var caseId = Guid.CreateVersion7();
        await using (var session = App.Store.LightweightSession(Org))
        {
            // Registered before encryption, its name in clear; a notice address left since is sealed under a key of its own.
            session.Events.StartStream<Case>(caseId, new CaseRegistered(caseId, "2021-0043", Channel.Public, Category.Ethics, [],
                new Complainant(false, "Old Style"), "Rude answer", new DateOnly(2021, 3, 2)),
                new Domain.Public.ReporterNoticeAddressGiven(caseId, Api.Privacy.PersonalKeys.Seal(session, "old.style@example.kz"), "en", new DateOnly(2021, 3, 3)));
            await session.SaveChangesAsync();
        }

        (await RefusedAsync($"/api/cases/{caseId}/complainant/erasure", new { expectedVersion = 2, reason = "r" }, 409, Dpo))
            .Rule.ShouldBe("no-encrypted-personal-data");
        (await GetCaseAsync(caseId)).ComplainantErased.ShouldBeFalse();
    }
}
