using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Cases;

public class when_a_transition_is_illegal(CaseApiApp app) : CaseApiTests(app)
{
    /// <summary>
    /// One refusal per case command, to show each endpoint answers its decision's rule as a 409 and writes nothing;
    /// every rule of every command is in the decision tests (Cases.Domain.Tests/Cases/refusing_an_illegal_transition).
    /// </summary>
    public static TheoryData<CaseStep, string, Func<long, object>, string> Refusals() => new()
    {
        { CaseStep.Registered, "acknowledgement", v => new { expectedVersion = v, acknowledgedOn = "2021-03-01" }, "date-before-receipt" },
        { CaseStep.Registered, "assignment", v => new { expectedVersion = v, investigator = "d.sultanova" }, "case-not-acknowledged" },
        { CaseStep.Assigned, "reassignment", v => new { expectedVersion = v, investigator = "d.sultanova" }, "same-investigator" },
        { CaseStep.Assigned, "subjects", v => new { expectedVersion = v, personnelNumber = "E-1042" }, "already-a-subject" },
        { CaseStep.Assigned, "explanation-requests", v => new { expectedVersion = v, personnelNumber = "E-9999" }, "not-a-subject" },
        { CaseStep.ExplanationRequested, "explanations", v => new { expectedVersion = v, personnelNumber = "E-1042", text = "Early", recordedOn = "2021-03-09" }, "date-before-request" },
        { CaseStep.Closed, "evidence", v => new { expectedVersion = v, fileName = "late.pdf", mediaType = "application/pdf", sizeBytes = 10, sha256 = new string('b', 64), description = "Late" }, "case-closed" },
        { CaseStep.Assigned, "finding", v => new { expectedVersion = v, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new[] { "4.2" }, corruptionRelated = false, summary = "Finding" }, "subject-not-heard" },
        { CaseStep.Referred, "referral", v => new { expectedVersion = v, commission = "ethics" }, "case-already-referred" },
        { CaseStep.Assigned, "closure", v => new { expectedVersion = v, outcome = "violation-confirmed", summary = "No finding yet" }, "outcome-needs-finding" },
        { CaseStep.Registered, "reopening", v => new { expectedVersion = v, reason = "Why not" }, "case-not-closed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task it_answers_409_naming_the_rule_and_writes_nothing(CaseStep step, string action, Func<long, object> body, string rule)
    {
        var (id, version) = await CaseAtAsync(step);
        var events = await App.CountAllEventsAsync();

        var problem = await RefusedAsync($"/api/cases/{id}/{action}", body(version), 409, Investigator);

        problem.Rule.ShouldBe(rule);
        problem.Type.ShouldBe($"urn:cases:rule:{rule}");
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
        (await App.CountAllEventsAsync()).ShouldBe(events);
        (await GetCaseAsync(id)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task a_stale_expected_version_is_refused_with_409()
    {
        var (id, version) = await CaseAtAsync(CaseStep.Assigned);
        var events = await App.CountAllEventsAsync();

        var problem = await RefusedAsync($"/api/cases/{id}/explanation-requests",
            new { expectedVersion = version - 1, personnelNumber = "E-1042" }, 409, Investigator);

        problem.Rule.ShouldBe("stale-version");
        problem.Detail!.ShouldContain($"version {version}");
        (await App.CountAllEventsAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task an_expected_version_from_the_future_is_refused_too()
    {
        var (id, version) = await CaseAtAsync(CaseStep.Registered);

        (await RefusedAsync($"/api/cases/{id}/acknowledgement", new { expectedVersion = version + 5 }, 409, Registrar))
            .Rule.ShouldBe("stale-version");
    }

    [Fact]
    public async Task racing_writers_on_one_case_leave_one_winner_and_a_gapless_stream()
    {
        var (id, version) = await CaseAtAsync(CaseStep.Assigned);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => App.Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = version, investigator = $"investigator.{i}" }).ToUrl($"/api/cases/{id}/reassignment");
            s.WithBearerToken(Investigator);
            s.IgnoreStatusCode();
        })).Select(async t => (await t).Context.Response.StatusCode));

        statuses.Count(s => s == 200).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(7);
        var summary = await GetCaseAsync(id);
        summary.Version.ShouldBe(version + 1);
        (await App.ScalarAsync(
            $"select count(*) = max(version) from {App.Schema}.mt_events where stream_id = '{id}'")).ShouldBe(true);
    }

    [Fact]
    public async Task an_unknown_case_is_404_for_commands_and_reads()
    {
        var unknown = Guid.CreateVersion7();

        (await RefusedAsync($"/api/cases/{unknown}/acknowledgement", new { expectedVersion = 1 }, 404, Registrar))
            .Status.ShouldBe(404);
        (await RefusedAsync($"/api/cases/{unknown}", null, 404, Registrar)).Status.ShouldBe(404);
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
