using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using Cases.Projections.Cases;
using Marten;

namespace Cases.Api.Tests.Cases;

public class when_a_case_runs_its_course(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task every_step_is_an_event_and_the_summary_follows()
    {
        var created = await RegisterAsync(Registration(subjects: ["E-1042", "E-2077"]));
        var id = created.Id;

        var v = (await CommandAsync(id, "acknowledgement", new { expectedVersion = 1, acknowledgedOn = "2021-03-03" }, Registrar)).Version;
        v.ShouldBe(2);
        (await GetCaseAsync(id)).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.Acknowledged),
            s => s.AcknowledgedOn.ShouldBe(new DateOnly(2021, 3, 3)));

        v = (await CommandAsync(id, "assignment", new { expectedVersion = v, investigator = "d.sultanova" })).Version;
        (await GetCaseAsync(id)).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.UnderInvestigation),
            s => s.Investigator.ShouldBe("d.sultanova"));

        v = (await CommandAsync(id, "reassignment", new { expectedVersion = v, investigator = "k.omarov" })).Version;
        (await GetCaseAsync(id)).Investigator.ShouldBe("k.omarov");

        v = (await CommandAsync(id, "explanation-requests", new { expectedVersion = v, personnelNumber = "E-1042", requestedOn = "2021-03-10" })).Version;
        v = (await CommandAsync(id, "explanation-requests", new { expectedVersion = v, personnelNumber = "E-2077", requestedOn = "2021-03-10" })).Version;
        v = (await CommandAsync(id, "explanations", new { expectedVersion = v, personnelNumber = "E-1042", text = "Short of staff that day.", recordedOn = "2021-03-11" })).Version;
        v = (await CommandAsync(id, "explanations", new { expectedVersion = v, personnelNumber = "E-2077", refusalWitnesses = new[] { "A. Nurlanova", "B. Seitkali" }, recordedOn = "2021-03-15" })).Version;
        (await GetCaseAsync(id)).Explanations.ShouldBe([
            new ExplanationSummary("E-1042", new DateOnly(2021, 3, 10), ExplanationState.Given, new DateOnly(2021, 3, 11)),
            new ExplanationSummary("E-2077", new DateOnly(2021, 3, 10), ExplanationState.Refused, new DateOnly(2021, 3, 15))
        ]);

        var sha = new string('a', 64);
        var evidence = await App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = v, fileName = "ward-roster.pdf", mediaType = "application/pdf", sizeBytes = 48213, sha256 = sha, description = "Ward roster for March 2" }).ToUrl($"/api/cases/{id}/evidence");
            s.WithBearerToken(Investigator);
            s.StatusCodeShouldBe(200);
        });
        var attached = (await evidence.ReadAsJsonAsync<Api.Cases.EvidenceWritten>())!;
        v = attached.Version;
        (await GetCaseAsync(id)).Evidence.Single().ShouldSatisfyAllConditions(
            e => e.EvidenceId.ShouldBe(attached.EvidenceId),
            e => e.Sha256.ShouldBe(sha),
            e => e.ObtainedOn.ShouldBe(App.Clock.Today));

        v = (await CommandAsync(id, "subjects", new { expectedVersion = v, personnelNumber = "E-3310" })).Version;
        (await GetCaseAsync(id)).Subjects.ShouldBe(["E-1042", "E-2077", "E-3310"]);

        v = (await CommandAsync(id, "finding", new { expectedVersion = v, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new[] { "4.2", "7.1" }, corruptionRelated = false, summary = "Rudeness to a patient confirmed" })).Version;
        (await GetCaseAsync(id)).Finding.ShouldNotBeNull().ShouldSatisfyAllConditions(
            f => f.EthicsArticlesViolated.ShouldBe(["4.2", "7.1"]),
            f => f.EmployeesAtFault.ShouldBe(["E-1042"]));

        v = (await CommandAsync(id, "referral", new { expectedVersion = v, commission = "disciplinary" })).Version;
        (await GetCaseAsync(id)).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.ReferredToCommission),
            s => s.Commission.ShouldBe("disciplinary"));

        v = (await CommandAsync(id, "closure", new { expectedVersion = v, outcome = "violation-confirmed", summary = "Remark imposed" })).Version;
        (await GetCaseAsync(id)).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.Closed),
            s => s.Outcome.ShouldBe(CaseOutcome.ViolationConfirmed),
            s => s.ClosedOn.ShouldBe(App.Clock.Today));

        v = (await CommandAsync(id, "reopening", new { expectedVersion = v, reason = "The employee appealed with new evidence" })).Version;
        var reopened = await GetCaseAsync(id);
        reopened.ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(CaseStatus.UnderInvestigation),
            s => s.Outcome.ShouldBeNull(),
            s => s.Finding.ShouldBeNull(),
            s => s.Commission.ShouldBeNull(),
            s => s.TimesReopened.ShouldBe(1),
            s => s.Version.ShouldBe(v));

        await using var session = App.Store.QuerySession(Org);
        var events = await session.Events.FetchStreamAsync(id);
        events.Select(e => e.Data.GetType()).ShouldBe([
            typeof(CaseRegistered), typeof(CaseAcknowledged), typeof(InvestigatorAssigned), typeof(InvestigatorReassigned),
            typeof(ExplanationRequested), typeof(ExplanationRequested), typeof(ExplanationReceived), typeof(ExplanationRefused),
            typeof(EvidenceAttached), typeof(SubjectIdentified), typeof(FindingRecorded), typeof(CaseReferredToCommission), typeof(CaseClosed),
            typeof(CaseReopened)
        ]);
        events.Last().Version.ShouldBe(v);
        events.ShouldAllBe(e => e.UserName != null && e.CorrelationId != null);
    }

    [Fact]
    public async Task a_reopened_case_can_get_a_new_finding_and_close_again()
    {
        var (id, version) = await CaseAtAsync(CaseStep.Closed);
        version = (await CommandAsync(id, "reopening", new { expectedVersion = version, reason = "Appeal upheld" })).Version;
        version = (await CommandAsync(id, "finding", new { expectedVersion = version, violationFound = false, employeesAtFault = Array.Empty<string>(), ethicsArticlesViolated = Array.Empty<string>(), corruptionRelated = false, summary = "No violation on review" })).Version;
        await CommandAsync(id, "closure", new { expectedVersion = version, outcome = "no-violation-found", summary = "Cleared" });

        var summary = await GetCaseAsync(id);
        summary.Outcome.ShouldBe(CaseOutcome.NoViolationFound);
        summary.Finding!.ViolationFound.ShouldBeFalse();
    }

    [Fact]
    public async Task business_dates_default_to_today_in_the_organisations_time_zone()
    {
        // 23:30 UTC on 1 April 2021 is already 05:30 on 2 April in Almaty (UTC+6 then).
        App.Clock.Now = new DateTimeOffset(2021, 4, 1, 23, 30, 0, TimeSpan.Zero);
        var (id, _) = await CaseAtAsync(CaseStep.Acknowledged);

        (await GetCaseAsync(id)).AcknowledgedOn.ShouldBe(new DateOnly(2021, 4, 2));
    }

    [Fact]
    public async Task a_date_that_is_today_in_the_organisation_is_not_in_the_future()
    {
        App.Clock.Now = new DateTimeOffset(2021, 4, 1, 23, 30, 0, TimeSpan.Zero);
        (await RegisterAsync(Registration(receivedOn: "2021-04-02"))).Number.ShouldBe("2021-0001");
    }

    [Fact]
    public async Task a_case_closed_before_acknowledgement_reopens_as_registered()
    {
        var created = await RegisterAsync();
        var v = (await CommandAsync(created.Id, "closure", new { expectedVersion = 1, outcome = "withdrawn", summary = "Caller withdrew" })).Version;
        await CommandAsync(created.Id, "reopening", new { expectedVersion = v, reason = "Caller called back" });

        (await GetCaseAsync(created.Id)).Status.ShouldBe(CaseStatus.Registered);
    }
}
