using Cases.Api.Infrastructure;
using Cases.Api.Sanctions;
using Cases.Projections.Employees;
using Cases.Projections.Sanctions;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Base of the sanction tests. Their case found employee <see cref="Employee"/> at fault after hearing them (see
/// <see cref="CaseSteps"/>); the clock stands at 15 November 2021.
/// </summary>
[Collection(SanctionApiCollection.Name)]
public abstract class SanctionApiTests(SanctionApiApp app) : ApiTests<SanctionApiApp>(app)
{
    public const string Employee = "E-1042";

    protected string HrToken => App.Token(Org, Roles.Hr);

    /// <summary>A case whose finding holds <see cref="Employee"/> at fault.</summary>
    protected async Task<Guid> OffenceAsync() => (await CaseAtAsync(CaseStep.FindingRecorded)).Id;

    protected static object Order(Guid caseId, string type = "reprimand", string orderDate = "2021-11-10",
        string committed = "2021-10-20", string discovered = "2021-11-01", string orderNumber = "112-K") => new
    {
        personnelNumber = Employee,
        caseId,
        type,
        orderNumber,
        orderDate,
        offenceCommittedOn = committed,
        offenceDiscoveredOn = discovered
    };

    protected Task<SanctionImposedResponse> ImposeAsync(object order) => PostAsync<SanctionImposedResponse>("/api/sanctions", order, HrToken, 201);

    protected Task<Written> SanctionCommandAsync(Guid sanctionId, string action, object body) =>
        PostAsync<Written>($"/api/sanctions/{sanctionId}/{action}", body, HrToken);

    protected Task<SanctionSummary> SanctionAsync(Guid sanctionId) => GetAsync<SanctionSummary>($"/api/sanctions/{sanctionId}", HrToken);

    protected Task<EmployeeHistory> HistoryAsync(string personnelNumber = Employee) =>
        GetAsync<EmployeeHistory>($"/api/employees/{personnelNumber}", HrToken);

    protected async Task<Written> AbsenceAsync(string kind, string from, string to, string personnelNumber = Employee)
    {
        var version = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/employees/{personnelNumber}");
            s.WithBearerToken(HrToken);
            s.IgnoreStatusCode();
        });
        var expected = version.Context.Response.StatusCode == 200 ? (await version.ReadAsJsonAsync<EmployeeHistory>())!.StreamVersion : 0;
        return await PostAsync<Written>($"/api/employees/{personnelNumber}/absences", new { expectedVersion = expected, kind, from, to }, HrToken);
    }

    protected Task<Written> PublishCalendarAsync(int year, string[] holidays, string[]? workingWeekendDays = null, long expectedVersion = 0) =>
        PostAsync<Written>($"/api/calendar/{year}", new { expectedVersion, holidays, workingWeekendDays = workingWeekendDays ?? [] }, HrToken);
}
