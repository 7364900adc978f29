using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cases.Api.Infrastructure;
using Cases.Api.Public;
using Cases.Projections.Cases;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>Base of the public channel, personal data and retention tests: each test calls from an address of its own.</summary>
[Collection(PublicApiCollection.Name)]
public abstract class PublicApiTests(PublicApiApp app) : ApiTests<PublicApiApp>(app)
{
    /// <summary>The client address of this test, so that the rate limit counts its requests alone.</summary>
    protected IPAddress Address { get; set; } = new(RandomNumberGenerator.GetBytes(4));

    protected static object AnonymousReport(string text = "The ward nurse asked for money before the infusion") =>
        new { category = "corruption", text, anonymous = true };

    protected static object IdentifiedReport(string name = "Aliya Serikova") =>
        new { category = "medical-care", text = "I waited five hours for chemotherapy", contact = new { name, phone = "+7 701 555 0101", email = "aliya@example.kz" } };

    /// <summary>A public request: no token, this test's address, the receipt code in its header if given.</summary>
    protected Task<IScenarioResult> PublicAsync(string method, string url, object? body, int status, string? code = null) =>
        App.Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else s.Post.Json(body ?? new { }).ToUrl(url);
            if (code is not null) s.WithRequestHeader(PublicChannel.ReceiptHeader, code);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = Address);
            s.StatusCodeShouldBe(status);
        });

    protected async Task<PublicReportReceived> ReportAsync(object? body = null, string organisation = Org)
    {
        var result = await PublicAsync("POST", $"/api/public/{organisation}/reports", body ?? AnonymousReport(), 201);
        return (await result.ReadAsJsonAsync<PublicReportReceived>())!;
    }

    protected async Task<PublicCaseView> FollowAsync(string code)
    {
        var result = await PublicAsync("GET", $"/api/public/{Org}/report", null, 200, code);
        return (await result.ReadAsJsonAsync<PublicCaseView>())!;
    }

    /// <summary>The one public case of the organisation, as its investigators see it.</summary>
    protected async Task<CaseSummary> PublicCaseAsync() =>
        (await GetAsync<Paged<CaseSummary>>("/api/cases?channel=public", Investigator)).Items.ShouldHaveSingleItem();

    protected static async Task<Problem> ProblemOf(IScenarioResult result) =>
        JsonSerializer.Deserialize<Problem>(await result.ReadAsTextAsync(), JsonSerializerOptions.Web)!;

    /// <summary>
    /// Wipes the tables, then rebuilds the projections from the events alone; the service's own daemon stands aside
    /// meanwhile, so that the rebuild is the only writer of the audit trail.
    /// </summary>
    protected async Task RebuildAsync(string[] wipedTables, IEnumerable<Type> projections)
    {
        await App.ProjectionsCaughtUpAsync();
        var coordinator = App.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        using var daemon = await ((DocumentStore)App.Store).BuildProjectionDaemonAsync();
        foreach (var table in wipedTables) await App.ScalarAsync($"delete from {App.Schema}.{table}");
        foreach (var projection in projections) await daemon.RebuildProjectionAsync(projection, CasesApp.Patience, CancellationToken.None);
        await coordinator.ResumeAsync();
    }

    /// <summary>A ProblemDetails body without its trace id, which differs from request to request by design.</summary>
    protected static async Task<string> ProblemWithoutTraceAsync(IScenarioResult result)
    {
        var problem = JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString(JsonSerializerOptions.Web);
    }
}
