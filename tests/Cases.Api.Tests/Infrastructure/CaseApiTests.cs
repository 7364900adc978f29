using System.Text.Json;
using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Projections.Cases;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>A refusal as the client reads it.</summary>
public sealed record Problem(string? Type, string? Title, int Status, string? Detail, string? Rule,
    Dictionary<string, string[]>? Errors);

/// <summary>Base of the case API tests.</summary>
[Collection(CaseApiCollection.Name)]
public abstract class CaseApiTests(CaseApiApp app) : ApiTests<CaseApiApp>(app);

/// <summary>Base of every API test: fresh data per test, and the calls a client makes.</summary>
public abstract class ApiTests<TApp>(TApp app) : IAsyncLifetime where TApp : CasesApp
{
    protected const string Org = "nroc";
    protected const string OtherOrg = "pavlodar-region";

    protected TApp App { get; } = app;
    protected string Registrar => App.Token(Org, Roles.Registrar);
    protected string Investigator => App.Token(Org, Roles.Investigator);

    public virtual Task InitializeAsync() => App.ResetAsync();
    public virtual Task DisposeAsync() => Task.CompletedTask;

    public static object Registration(string receivedOn = "2021-03-02", string channel = "call-centre",
        string category = "medical-care", string[]? subjects = null, object? complainant = null) => new
    {
        channel,
        category,
        subjects = subjects ?? ["E-1042"],
        summary = "Patient complains about waiting five hours for chemotherapy",
        receivedOn,
        complainant
    };

    protected async Task<CaseRegisteredResponse> RegisterAsync(object? body = null, string? token = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(body ?? Registration()).ToUrl("/api/cases");
            s.WithBearerToken(token ?? Registrar);
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<CaseRegisteredResponse>())!;
    }

    protected async Task<CaseWritten> CommandAsync(Guid caseId, string action, object body, string? token = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/cases/{caseId}/{action}");
            s.WithBearerToken(token ?? Investigator);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<CaseWritten>())!;
    }

    /// <summary>Sends a request expected to be refused with <paramref name="status"/> and reads the ProblemDetails.</summary>
    protected async Task<Problem> RefusedAsync(string url, object? body, int status, string? token = null,
        string? rawJson = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            if (rawJson is not null)
            {
                s.Post.Url(url);
                s.Body.TextIs(rawJson);
                s.WithRequestHeader("Content-Type", "application/json");
            }
            else if (body is null) s.Get.Url(url);
            else s.Post.Json(body).ToUrl(url);
            if (token is not null) s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0
            ? new Problem(null, null, status, null, null, null)
            : JsonSerializer.Deserialize<Problem>(text, JsonSerializerOptions.Web)!;
    }

    /// <summary>A GET, or a POST of the body (an empty object if none), expected to answer <paramref name="status"/>.</summary>
    protected Task<IScenarioResult> CallAsync(string method, string url, object? body, string? token, int status) =>
        App.Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else s.Post.Json(body ?? new { }).ToUrl(url);
            if (token is not null) s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>
    /// Reads until the service has done by itself what the test waits for (a scheduled message), polling as
    /// <see cref="CasesApp.UntilAsync"/> does, and answers that reading.
    /// </summary>
    protected static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        T value = default!;
        await CasesApp.UntilAsync(async () => done(value = await read()), "the service to act on its own");
        return value;
    }

    /// <summary>Posts a command expected to succeed with <paramref name="status"/> and reads the answer.</summary>
    protected async Task<T> PostAsync<T>(string url, object body, string token, int status = 200)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    protected async Task<T> GetAsync<T>(string url, string token)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    protected async Task<CaseRead> GetCaseAsync(Guid caseId, string? token = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/cases/{caseId}");
            s.WithBearerToken(token ?? Investigator);
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<CaseRead>())!;
    }

    /// <summary>Registers a case and moves it to the given step, answering its id and current version.</summary>
    protected async Task<(Guid Id, long Version)> CaseAtAsync(CaseStep step)
    {
        var created = await RegisterAsync();
        var (id, version) = (created.Id, created.Version);
        foreach (var (action, body) in CaseSteps.Upto(step))
        {
            version = (await CommandAsync(id, action, body(version))).Version;
        }
        return (id, version);
    }

    /// <summary>
    /// A case entered after the fact, each step dated as it happened: received on <paramref name="receivedOn"/>,
    /// acknowledged and assigned that day, E-1042 heard over the next two, and found at fault on <paramref name="foundOn"/>.
    /// </summary>
    protected async Task<(Guid Id, long Version)> FoundLateAsync(DateOnly receivedOn, DateOnly foundOn, DateOnly? offenceCommittedOn = null)
    {
        string Day(int days) => receivedOn.AddDays(days).ToString("yyyy-MM-dd");
        var created = await RegisterAsync(Registration(receivedOn: Day(0)));
        var version = created.Version;
        foreach (var (action, body) in new (string, Func<long, object>)[]
                 {
                     ("acknowledgement", v => new { expectedVersion = v, acknowledgedOn = Day(0) }),
                     ("assignment", v => new { expectedVersion = v, investigator = "d.sultanova", assignedOn = Day(0) }),
                     ("explanation-requests", v => new { expectedVersion = v, personnelNumber = "E-1042", requestedOn = Day(1) }),
                     ("explanations", v => new { expectedVersion = v, personnelNumber = "E-1042", text = "The ward was short of staff.", recordedOn = Day(2) }),
                     ("finding", v => new
                     {
                         expectedVersion = v, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new[] { "4.2" },
                         corruptionRelated = false, summary = "Rudeness confirmed", foundOn = foundOn.ToString("yyyy-MM-dd"),
                         offenceCommittedOn = offenceCommittedOn?.ToString("yyyy-MM-dd")
                     })
                 })
        {
            version = (await CommandAsync(created.Id, action, body(version))).Version;
        }
        return (created.Id, version);
    }
}

public enum CaseStep
{
    Registered,
    Acknowledged,
    Assigned,
    ExplanationRequested,
    ExplanationGiven,
    FindingRecorded,
    Referred,
    Closed
}

/// <summary>The happy path of a case, one step at a time, as the commands a client sends.</summary>
public static class CaseSteps
{
    public static readonly IReadOnlyList<(CaseStep Step, string Action, Func<long, object> Body)> All =
    [
        (CaseStep.Acknowledged, "acknowledgement", v => new { expectedVersion = v }),
        (CaseStep.Assigned, "assignment", v => new { expectedVersion = v, investigator = "d.sultanova" }),
        (CaseStep.ExplanationRequested, "explanation-requests",
            v => new { expectedVersion = v, personnelNumber = "E-1042", requestedOn = "2021-03-10" }),
        (CaseStep.ExplanationGiven, "explanations",
            v => new { expectedVersion = v, personnelNumber = "E-1042", text = "The ward was short of staff.", recordedOn = "2021-03-11" }),
        (CaseStep.FindingRecorded, "finding",
            v => new { expectedVersion = v, violationFound = true, employeesAtFault = new[] { "E-1042" }, ethicsArticlesViolated = new[] { "4.2" }, corruptionRelated = false, summary = "Rudeness confirmed", foundOn = "2021-03-12" }),
        (CaseStep.Referred, "referral", v => new { expectedVersion = v, commission = "disciplinary" }),
        (CaseStep.Closed, "closure", v => new { expectedVersion = v, outcome = "violation-confirmed", summary = "Remark proposed" })
    ];

    public static IEnumerable<(string Action, Func<long, object> Body)> Upto(CaseStep step) =>
        All.Where(s => s.Step <= step).Select(s => (s.Action, s.Body));
}
